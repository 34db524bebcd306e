using System.Text.Json;

namespace Dixis.Shipping.Model;

/// <summary>
/// A rate table as stored (collection <c>rate_tables</c>, id = table id). Times are Unix milliseconds.
/// </summary>
/// <param name="DisplayName">The name for administrators.</param>
/// <param name="RegionCode">The country the table prices (indexed for lists and the active lookup).</param>
/// <param name="State">Draft, active or retired (<c>RateTableState</c> names).</param>
/// <param name="ActiveRegionCode">
/// The region code while the table is active, null otherwise: a unique index on it makes a second active table of a
/// region impossible on every engine, whatever the race between two activations.
/// </param>
/// <param name="Definition">
/// The table's contents (carriers, service levels, zones, overrides, limits) in the contract's protobuf JSON, the same
/// JSON admins send through the gateway, so the stored shape cannot drift from the contract's.
/// </param>
/// <param name="CreateTimeMs">When the table was created.</param>
/// <param name="UpdateTimeMs">When the table was last changed.</param>
public sealed record RateTableRecord(
    string DisplayName,
    string RegionCode,
    string State,
    string? ActiveRegionCode,
    JsonElement Definition,
    long CreateTimeMs,
    long UpdateTimeMs);
