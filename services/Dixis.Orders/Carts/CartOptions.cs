using System.ComponentModel.DataAnnotations;

namespace Dixis.Orders.Carts;

/// <summary>Cart settings (configuration section <c>Orders:Carts</c>), validated at start.</summary>
public sealed class CartOptions
{
    public const string SectionName = "Orders:Carts";

    /// <summary>The most units of one SKU a line may hold (the contract's limit, 999).</summary>
    public const long MaxQuantityLimit = 999;

    /// <summary>How long a guest cart lives after its last change.</summary>
    [Range(typeof(TimeSpan), "01:00:00", "365.00:00:00")]
    public TimeSpan GuestCartLifetime { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How long a signed-in user's cart lives after its last change.</summary>
    [Range(typeof(TimeSpan), "01:00:00", "730.00:00:00")]
    public TimeSpan CustomerCartLifetime { get; set; } = TimeSpan.FromDays(180);

    /// <summary>
    /// The most lines (distinct SKUs) of one cart. At most 500: a cart is re-read from the catalog in one
    /// <c>BatchGetVariants</c> call, which takes up to 500 SKUs.
    /// </summary>
    [Range(1, 500)]
    public int MaxLines { get; set; } = 100;

    /// <summary>The most units of one SKU a line may hold, at most <see cref="MaxQuantityLimit"/>.</summary>
    [Range(1, MaxQuantityLimit)]
    public long MaxQuantity { get; set; } = MaxQuantityLimit;

    /// <summary>
    /// Attempts of one change when another change of the same cart lands in between (two tabs, parallel adds); the
    /// change is re-applied to the cart as it is now each time.
    /// </summary>
    [Range(1, 50)]
    public int MaxWriteAttempts { get; set; } = 10;

    /// <summary>The currency carts are priced in (ISO 4217); lines priced in another are not on sale to the cart.</summary>
    [Required]
    [RegularExpression("^[A-Z]{3}$")]
    public string CurrencyCode { get; set; } = "EUR";

    /// <summary>How often expired carts are deleted from the document store (Redis expires them by itself).</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "1.00:00:00")]
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromHours(1);
}
