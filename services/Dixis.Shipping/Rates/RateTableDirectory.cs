using System.Collections.Concurrent;
using Dixis.Persistence.Documents;
using Dixis.Persistence.Queries;
using Dixis.Shipping.Model;
using Dixis.Shipping.RateTables;
using Microsoft.Extensions.Options;

namespace Dixis.Shipping.Rates;

/// <summary>
/// Finds the table a quote uses. The region's active table is read from the store at most once per
/// <see cref="ShippingOptions.ActiveTableRefresh"/> (checkout quotes every parcel of every order); any write through this
/// replica forgets what it read, so its own changes apply to the next quote, and other replicas follow within the refresh
/// time. Parsing and compiling are kept per table id and stored version.
/// </summary>
public sealed class RateTableDirectory(IDocumentCollection<RateTableRecord> tables, IOptions<ShippingOptions> options, TimeProvider timeProvider)
{
    private readonly ConcurrentDictionary<string, CompiledRateTable> compiled = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (CompiledRateTable? Table, long ReadTimestamp)> activeByRegion = new(StringComparer.Ordinal);

    public IDocumentCollection<RateTableRecord> Tables => tables;

    /// <summary>The region's active table, or null.</summary>
    public async Task<CompiledRateTable?> FindActiveAsync(string regionCode, CancellationToken cancellationToken)
    {
        var refresh = options.Value.ActiveTableRefresh;
        if (refresh > TimeSpan.Zero && activeByRegion.TryGetValue(regionCode, out var known) && timeProvider.GetElapsedTime(known.ReadTimestamp) < refresh)
        {
            return known.Table;
        }

        var readAt = timeProvider.GetTimestamp();
        var active = await tables.FirstOrDefaultAsync(Filter.Eq("activeRegionCode", regionCode), cancellationToken);
        var table = active is null ? null : Compile(active);
        activeByRegion[regionCode] = (table, readAt);
        return table;
    }

    /// <summary>Forgets the active tables read so far: called after every write to the tables through this replica.</summary>
    public void ForgetActiveTables() => activeByRegion.Clear();

    /// <summary>A table by id in any state, or null.</summary>
    public async Task<CompiledRateTable?> FindAsync(string rateTableId, CancellationToken cancellationToken)
    {
        var document = rateTableId.Length is > 0 and <= 64 ? await tables.GetAsync(rateTableId, cancellationToken) : null;
        return document is null ? null : Compile(document);
    }

    private CompiledRateTable Compile(Document<RateTableRecord> document)
    {
        if (compiled.TryGetValue(document.Id, out var known) && known.Version == document.Version)
        {
            return known;
        }

        var fresh = new CompiledRateTable(RateTableMapper.ToContract(document), document.Version);
        compiled[document.Id] = fresh;
        return fresh;
    }
}
