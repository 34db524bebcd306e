using Dixis.Contracts.Catalog.V1;
using Dixis.ServiceDefaults.Grpc;
using System.Collections.Frozen;
using Grpc.Core;

namespace Dixis.Catalog.Model;

/// <summary>The catalog's errors, each with its reason from <c>dixis.catalog.v1.ErrorReason</c> and the detail its code calls for.</summary>
public static class CatalogErrors
{
    /// <summary>The <c>ErrorInfo.domain</c> of every catalog error.</summary>
    public const string Domain = "dixis.catalog";

    public const string ProductType = "dixis.catalog.v1.Product";
    public const string CategoryType = "dixis.catalog.v1.Category";
    public const string ProducerType = "dixis.catalog.v1.Producer";
    public const string StockType = "dixis.catalog.v1.StockLevel";
    public const string ReservationType = "dixis.catalog.v1.Reservation";

    /// <summary>The reason's name as sent: <c>ERROR_REASON_SKU_ALREADY_EXISTS</c> → <c>SKU_ALREADY_EXISTS</c>.</summary>
    public static string Reason(ErrorReason reason) => ReasonNames[reason];

    private static readonly FrozenDictionary<ErrorReason, string> ReasonNames =
        ErrorReasonNames.Of<ErrorReason>(ErrorReasonReflection.Descriptor.EnumTypes[0]);

    public static RpcException ProductNotFound(string productIdOrSlug) =>
        RpcErrors.NotFound(Domain, Reason(ErrorReason.ProductNotFound), ProductType, productIdOrSlug, $"Product '{productIdOrSlug}' does not exist.");

    public static RpcException CategoryNotFound(string categoryId) =>
        RpcErrors.NotFound(Domain, Reason(ErrorReason.CategoryNotFound), CategoryType, categoryId, $"Category '{categoryId}' does not exist.");

    public static RpcException ProducerNotFound(string producerId) =>
        RpcErrors.NotFound(Domain, Reason(ErrorReason.ProducerNotFound), ProducerType, producerId, $"Producer '{producerId}' does not exist.");

    public static RpcException SkuNotFound(string sku) =>
        RpcErrors.NotFound(Domain, Reason(ErrorReason.SkuNotFound), StockType, sku, $"SKU '{sku}' does not exist.");

    public static RpcException SlugTaken(string slug) =>
        RpcErrors.AlreadyExists(Domain, Reason(ErrorReason.SlugAlreadyExists), ProductType, slug, $"Another product already has the slug '{slug}'.", new Dictionary<string, string> { ["slug"] = slug });

    public static RpcException SkuTaken(string sku) =>
        RpcErrors.AlreadyExists(Domain, Reason(ErrorReason.SkuAlreadyExists), StockType, sku, $"Another variant already has the SKU '{sku}'.", new Dictionary<string, string> { ["sku"] = sku });

    public static RpcException NotProductOwner(string productId) =>
        RpcErrors.PermissionDenied(Domain, Reason(ErrorReason.NotProductOwner), $"Product '{productId}' belongs to another producer.");

    public static RpcException ProductArchived(string productId) =>
        RpcErrors.FailedPrecondition(Domain, Reason(ErrorReason.ProductArchived), $"Product '{productId}' is archived and cannot be changed.",
            [new PreconditionViolation("STATE", $"products/{productId}", "The product is archived.")]);
}
