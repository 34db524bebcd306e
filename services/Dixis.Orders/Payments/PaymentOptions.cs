using System.ComponentModel.DataAnnotations;

namespace Dixis.Orders.Payments;

/// <summary>Card and bank-transfer payments (section <c>Orders:Payments</c>).</summary>
public sealed class PaymentOptions
{
    public const string SectionName = "Orders:Payments";

    /// <summary>How long a card order waits for its payment before it expires and releases its stock.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan CardExpiry { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>How long a bank-transfer order waits for the transfer (the catalog holds stock at most 7 days).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "6.00:00:00")]
    public TimeSpan BankTransferExpiry { get; set; } = TimeSpan.FromDays(3);

    /// <summary>How often unpaid orders past their expiry are failed and their stock released.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00")]
    public TimeSpan ExpirySweepInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The account holder shown in bank-transfer instructions.</summary>
    [Required]
    public string BankBeneficiary { get; set; } = "Dixis Marketplace";

    /// <summary>The IBAN shown in bank-transfer instructions.</summary>
    [Required]
    public string BankIban { get; set; } = "GR1601101250000000012300695";

    /// <summary>The BIC shown in bank-transfer instructions.</summary>
    [Required]
    public string BankBic { get; set; } = "ETHNGRAA";
}
