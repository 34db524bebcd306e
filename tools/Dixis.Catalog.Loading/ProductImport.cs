using Dixis.Contracts.Catalog.V1;
using Grpc.Core;

namespace Dixis.Catalog.Loading;

/// <summary>
/// Streams rows to <c>ProductService/ImportProducts</c> (client streaming): the first message carries the request id,
/// mode and validate-only flag, every message one product. Sending waits on HTTP/2 flow control, so the progress
/// reported is what the catalog has taken in, and memory stays flat however many rows there are.
/// </summary>
public sealed class ProductImport(CatalogConnection catalog, TimeProvider timeProvider)
{
    public const string Method = "dixis.catalog.v1.ProductService/ImportProducts";
    private const int ProgressEvery = 100;

    /// <param name="rows">The products, read lazily.</param>
    /// <param name="expectedRows">How many rows there will be, for the progress bar and the deadline; null when unknown.</param>
    /// <param name="settings">Request id, mode, validate only.</param>
    /// <param name="progress">Told about rows sent, every 100 rows and at the end.</param>
    /// <param name="cancellationToken">Cancels the stream; rows already written stay written (a retry upserts them).</param>
    /// <exception cref="CatalogLoadException">The catalog refused the import as a whole.</exception>
    public async Task<ImportOutcome> ImportAsync(
        IAsyncEnumerable<Product> rows, long? expectedRows, ImportSettings settings, IProgress<LoadProgress>? progress, CancellationToken cancellationToken)
    {
        var started = timeProvider.GetTimestamp();
        var deadline = CallDeadlines.Import(expectedRows ?? 1_000_000);
        using var call = catalog.Products.ImportProducts(catalog.Options(deadline, cancellationToken));
        long sent = 0;
        try
        {
            await foreach (var product in rows.WithCancellation(cancellationToken))
            {
                var message = new ImportProductsRequest { Product = product };
                if (sent == 0)
                {
                    message.RequestId = settings.RequestId;
                    message.Mode = settings.Mode;
                    message.ValidateOnly = settings.ValidateOnly;
                }

                await call.RequestStream.WriteAsync(message, cancellationToken);
                if (++sent % ProgressEvery == 0)
                {
                    progress?.Report(new LoadProgress("import", sent, expectedRows, "rows"));
                }
            }

            if (sent == 0)
            {
                throw new CatalogLoadException("There are no rows to import.");
            }

            await call.RequestStream.CompleteAsync();
        }
        catch (RpcException)
        {
            // The catalog ended the call while rows were still going out; its answer below says why.
        }
        catch (InvalidOperationException) when (call.GetStatus().StatusCode != StatusCode.OK)
        {
            // Writing after the call completed: the status below says why.
        }

        progress?.Report(new LoadProgress("import", sent, expectedRows ?? sent, "rows"));
        try
        {
            var response = await call.ResponseAsync;
            return new ImportOutcome(response, sent, timeProvider.GetElapsedTime(started));
        }
        catch (RpcException failure) when (!cancellationToken.IsCancellationRequested)
        {
            throw new CatalogLoadException(CallFailures.Explain(failure, catalog.Address, Method), failure);
        }
    }
}
