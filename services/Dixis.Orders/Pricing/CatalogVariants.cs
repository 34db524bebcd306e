using Dixis.Contracts.Catalog.V1;
using Dixis.Orders.Model;
using Dixis.ServiceDefaults.Grpc;
using Grpc.Core;

namespace Dixis.Orders.Pricing;

/// <summary>
/// Reads SKUs from the catalog in one <c>ProductService.BatchGetVariants</c> call: name, option values, image, slug,
/// price, tax class, producer, weight, dimensions and the units available now. The cart view and checkout both price
/// from this lookup, so a cart shows what checkout will charge.
/// </summary>
public sealed class CatalogVariants(ProductService.ProductServiceClient catalog)
{
    /// <summary>The most SKUs one call may ask for (the catalog's limit).</summary>
    public const int MaxSkusPerCall = 500;

    /// <summary>The variants of <paramref name="skus"/> (duplicates ignored); no call at all for none.</summary>
    /// <exception cref="RpcException"><c>UNAVAILABLE</c> (dixis.orders, DEPENDENCY_UNAVAILABLE) when the catalog does not answer.</exception>
    public async Task<VariantLookup> LookupAsync(IEnumerable<string> skus, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(skus);
        var distinct = skus.Distinct(StringComparer.Ordinal).ToArray();
        if (distinct.Length == 0)
        {
            return VariantLookup.Empty;
        }

        if (distinct.Length > MaxSkusPerCall)
        {
            throw new ArgumentOutOfRangeException(nameof(skus), distinct.Length, $"At most {MaxSkusPerCall} SKUs can be looked up at once.");
        }

        BatchGetVariantsResponse response;
        try
        {
            response = await catalog.BatchGetVariantsAsync(new BatchGetVariantsRequest { Skus = { distinct } }, cancellationToken: cancellationToken);
        }
        catch (RpcException error) when (error.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded)
        {
            // The shopper learns that prices cannot be read right now, in this service's terms, and may retry.
            throw RpcErrors.Unavailable(OrderErrors.Domain, RpcErrors.DependencyUnavailableReason, "The catalog is not answering, so prices and availability cannot be read; try again shortly.", TimeSpan.FromSeconds(1));
        }

        return new VariantLookup(distinct, response.Variants);
    }
}
