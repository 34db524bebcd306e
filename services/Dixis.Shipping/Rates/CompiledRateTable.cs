using System.Collections.Frozen;
using System.Text.RegularExpressions;
using Dixis.Contracts.Shipping.V1;

namespace Dixis.Shipping.Rates;

/// <summary>
/// A stored rate table made ready for quotes: its postal-code format compiled, patterns parsed and overrides indexed,
/// once per stored version (see <see cref="RateTableDirectory"/>).
/// </summary>
public sealed class CompiledRateTable
{
    private readonly (Zone Zone, PostalCodePattern Pattern)[] patterns;
    private readonly FrozenDictionary<string, PostalCodeOverride> overrides;
    private readonly FrozenDictionary<string, Zone> zones;

    public CompiledRateTable(RateTable table, long version)
    {
        ArgumentNullException.ThrowIfNull(table);
        Table = table;
        Version = version;
        Format = PostalCodes.CompileFormat(table.PostalCodeFormat, out var problem)
            ?? throw new InvalidOperationException($"Stored rate table '{table.Id}' has an invalid postal_code_format: {problem}");
        patterns = [.. table.Zones.SelectMany(zone => zone.PostalCodePatterns.Select(text =>
            (zone, PostalCodePattern.Parse(text, Format, out _) ?? throw new InvalidOperationException($"Stored rate table '{table.Id}' has an invalid pattern '{text}'."))))];
        zones = table.Zones.ToFrozenDictionary(zone => zone.Id, StringComparer.Ordinal);
        overrides = table.PostalCodeOverrides.ToFrozenDictionary(o => PostalCodes.Normalize(o.PostalCode), StringComparer.Ordinal);
        Carriers = table.Carriers.ToFrozenDictionary(carrier => carrier.Id, StringComparer.Ordinal);
    }

    public RateTable Table { get; }

    /// <summary>The stored version this was compiled from.</summary>
    public long Version { get; }

    public Regex Format { get; }

    public FrozenDictionary<string, Carrier> Carriers { get; }

    /// <summary>Whether the normalized code has the country's format.</summary>
    public bool IsWellFormed(string postalCode) => PostalCodes.Matches(Format, postalCode);

    /// <summary>
    /// The zone of a normalized, well-formed postal code: the code's override when it names a zone, otherwise the most
    /// specific pattern (exact, narrowest range, longest prefix; the first declared among equals). Null when no zone
    /// covers the code.
    /// </summary>
    public ZoneMatch? Resolve(string postalCode)
    {
        var codeOverride = overrides.GetValueOrDefault(postalCode);
        if (codeOverride is { ZoneId.Length: > 0 } && zones.TryGetValue(codeOverride.ZoneId, out var moved))
        {
            return new ZoneMatch(postalCode, moved, codeOverride);
        }

        Zone? best = null;
        (int, decimal) bestSpecificity = default;
        foreach (var (zone, pattern) in patterns)
        {
            if (pattern.Matches(postalCode) && (best is null || pattern.Specificity.CompareTo(bestSpecificity) > 0))
            {
                best = zone;
                bestSpecificity = pattern.Specificity;
            }
        }

        return best is null ? null : new ZoneMatch(postalCode, best, codeOverride);
    }

    /// <summary>The service levels offered: enabled, by an enabled carrier.</summary>
    public IEnumerable<ServiceLevel> OfferedLevels() =>
        Table.ServiceLevels.Where(level => level.Enabled && Carriers.TryGetValue(level.CarrierId, out var carrier) && carrier.Enabled);
}
