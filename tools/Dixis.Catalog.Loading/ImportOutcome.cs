using Dixis.Contracts.Catalog.V1;

namespace Dixis.Catalog.Loading;

/// <summary>The catalog's summary of an import, and how long sending and answering took.</summary>
public sealed record ImportOutcome(ImportProductsResponse Response, long RowsSent, TimeSpan Elapsed)
{
    public double RowsPerSecond => Elapsed > TimeSpan.Zero ? RowsSent / Elapsed.TotalSeconds : 0;
}
