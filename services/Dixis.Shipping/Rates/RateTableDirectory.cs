using System.Collections.Concurrent;
using Dixis.Persistence.Documents;
using Dixis.Persistence.Queries;
using Dixis.Shipping.Model;
using Dixis.Shipping.RateTables;

namespace Dixis.Shipping.Rates;

/// <summary>
/// Finds the table a quote uses. Every lookup reads the store, so a change to the active table applies to the next
/// quote on every replica; only the parsing and compiling is kept, per table id and stored version.
/// </summary>
public sealed class RateTableDirectory(IDocumentCollection<RateTableRecord> tables)
{
    private readonly ConcurrentDictionary<string, CompiledRateTable> compiled = new(StringComparer.Ordinal);

    public IDocumentCollection<RateTableRecord> Tables => tables;

    /// <summary>The region's active table, or null.</summary>
    public async Task<CompiledRateTable?> FindActiveAsync(string regionCode, CancellationToken cancellationToken)
    {
        var active = await tables.FirstOrDefaultAsync(Filter.Eq("activeRegionCode", regionCode), cancellationToken);
        return active is null ? null : Compile(active);
    }

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
