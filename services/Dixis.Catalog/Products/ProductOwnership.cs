using Dixis.Catalog.Model;
using Dixis.Contracts.Catalog.V1;
using Dixis.ServiceDefaults.Grpc;
using Dixis.ServiceDefaults.Security;

namespace Dixis.Catalog.Products;

/// <summary>
/// Who may see and change which product. Admins: every product. Producers: their own products in every
/// status, and others' only as the public sees them. Everyone else: active products of selling producers.
/// A product the caller may not see is reported as not found, so its existence never leaks.
/// </summary>
public static class ProductOwnership
{
    /// <summary>Whether <paramref name="caller"/> may see a product in this status of this producer.</summary>
    public static bool CanSee(Caller caller, string producerId, ProductStatus status, bool producerSelling) =>
        caller.IsAdmin
        || (caller.ProducerId is not null && caller.ProducerId == producerId)
        || (status == ProductStatus.Active && producerSelling);

    /// <summary>
    /// The producer a new product belongs to: the caller's own, or for admins the one named. A producer naming
    /// another producer is refused rather than silently corrected.
    /// </summary>
    public static string? ProducerForCreate(Caller caller, string requestedProducerId, FieldViolations violations, string field)
    {
        if (caller.ProducerId is { } own)
        {
            if (requestedProducerId.Length > 0 && requestedProducerId != own && !caller.IsAdmin)
            {
                throw RpcErrors.PermissionDenied(CatalogErrors.Domain, CatalogErrors.Reason(ErrorReason.NotProductOwner),
                    $"A producer creates products for itself only; {field} must be empty or '{own}'.");
            }

            return requestedProducerId.Length > 0 ? requestedProducerId : own;
        }

        if (caller.IsAdmin)
        {
            if (requestedProducerId.Length == 0)
            {
                violations.Add(field, "is required when an administrator creates a product.");
                return null;
            }

            return requestedProducerId;
        }

        throw RpcErrors.PermissionDenied(CatalogErrors.Domain, RpcErrors.AccessDeniedReason, "Only producers and administrators create products.");
    }

    /// <summary>Refuses a change of another producer's product: NOT_FOUND when the caller cannot even see it.</summary>
    public static void EnsureCanChange(Caller caller, string productId, ProductRecord product, bool producerSelling)
    {
        if (caller.IsAdmin || (caller.ProducerId is not null && caller.ProducerId == product.ProducerId))
        {
            return;
        }

        throw CanSee(caller, product.ProducerId, product.Status, producerSelling)
            ? CatalogErrors.NotProductOwner(productId)
            : CatalogErrors.ProductNotFound(productId);
    }
}
