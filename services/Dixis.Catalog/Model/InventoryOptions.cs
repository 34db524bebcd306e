using System.ComponentModel.DataAnnotations;

namespace Dixis.Catalog.Model;

/// <summary>Reservation settings (configuration section <c>Catalog:Inventory</c>).</summary>
public sealed class InventoryOptions
{
    public const string SectionName = "Catalog:Inventory";

    /// <summary>How long a reservation holds stock when the request names no TTL.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00")]
    public TimeSpan DefaultReservationTtl { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>How often the sweeper looks for expired reservations.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00")]
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(15);
}
