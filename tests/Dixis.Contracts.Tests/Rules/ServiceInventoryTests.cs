using Dixis.Contracts.Common.V1;
using Dixis.Contracts.Tests.Descriptors;

namespace Dixis.Contracts.Tests.Rules;

/// <summary>
/// The set of services is part of the contract: the gateway forwards and the services map each
/// of them, so one disappearing or appearing unnoticed is a breaking change.
/// </summary>
public sealed class ServiceInventoryTests
{
    [Fact]
    public void The_contracts_define_exactly_these_services()
    {
        string[] expected =
        [
            "dixis.auth.v1.AddressService",
            "dixis.auth.v1.AuthService",
            "dixis.auth.v1.JwksService",
            "dixis.auth.v1.PartnerClientService",
            "dixis.auth.v1.ProfileService",
            "dixis.auth.v1.TokenRevocationService",
            "dixis.auth.v1.UserAdminService",
            "dixis.catalog.v1.CategoryService",
            "dixis.catalog.v1.InventoryService",
            "dixis.catalog.v1.ProducerService",
            "dixis.catalog.v1.ProductService",
            "dixis.catalog.v1.SearchService",
            "dixis.orders.v1.CartService",
            "dixis.orders.v1.OrderService",
            "dixis.orders.v1.PaymentService",
            "dixis.shipping.v1.RateService",
            "dixis.shipping.v1.RateTableService",
            "dixis.shipping.v1.ShipmentService",
            "dixis.shipping.v1.TrackingService",
        ];

        Assert.Equal(expected, ContractDescriptors.Services.Select(service => service.FullName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Every_file_uses_its_domain_csharp_namespace()
    {
        var wrong = ContractDescriptors.Files
            .Where(file => file.GetOptions()?.CsharpNamespace != ExpectedNamespace(file.Package))
            .Select(file => file.Name);

        Assert.Empty(wrong);
    }

    [Fact]
    public void The_category_tree_is_one_public_read()
    {
        var method = ContractDescriptors.Methods.Single(m => m.FullName == "dixis.catalog.v1.CategoryService.GetCategoryTree");

        Assert.Equal(Audience.Public, method.Access()?.Audience);
        Assert.Equal("GET /v1/categories:tree", HttpBinding.From(method.Http()!).RouteKey);
        Assert.NotNull(method.InputType.FindFieldByName("language_code"));
        Assert.Equal("dixis.catalog.v1.CategoryTree", method.OutputType.FullName);
    }

    /// <summary><c>dixis.catalog.v1</c> → <c>Dixis.Contracts.Catalog.V1</c>.</summary>
    private static string ExpectedNamespace(string package)
    {
        var parts = package.Split('.');
        return $"Dixis.Contracts.{char.ToUpperInvariant(parts[1][0])}{parts[1][1..]}.{parts[2].ToUpperInvariant()}";
    }
}
