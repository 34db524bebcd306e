using System.Net;
using System.Net.Http.Json;
using Dixis.Contracts.Auth.V1;
using Dixis.Contracts.Catalog.V1;
using Grpc.Core;

namespace Dixis.Gateway.Tests.Security;

/// <summary>
/// OWASP API5:2023 Broken Function Level Authorization. A customer calling admin or producer methods is refused
/// PERMISSION_DENIED (403) by the gateway, and by the service itself when called past the gateway.
/// </summary>
[Collection(SecuredPlatformCollection.Name)]
public sealed class BrokenFunctionLevelAuthorizationTests(SecuredPlatform platform)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_customer_cannot_call_admin_methods()
    {
        var customer = await platform.RegisterAsync();
        var asCustomer = SecuredPlatform.Bearer(customer.AccessToken);
        using var channel = platform.GrpcChannel();
        var users = new UserAdminService.UserAdminServiceClient(channel);

        await SecurityAssert.RefusedAsync(() => users.ListUsersAsync(new ListUsersRequest(), asCustomer, cancellationToken: Cancellation), StatusCode.PermissionDenied, "ACCESS_DENIED");
        await SecurityAssert.RefusedAsync(
            () => users.SetUserRolesAsync(new SetUserRolesRequest { UserId = customer.UserId, Roles = { Role.Customer, Role.Admin } }, asCustomer, cancellationToken: Cancellation),
            StatusCode.PermissionDenied, "ACCESS_DENIED");
        await SecurityAssert.RefusedAsync(
            () => new PartnerClientService.PartnerClientServiceClient(channel).CreatePartnerClientAsync(
                new CreatePartnerClientRequest { PartnerClient = new PartnerClient { DisplayName = "mine", Scopes = { "catalog.write" } }, RequestId = Guid.NewGuid().ToString() },
                asCustomer, cancellationToken: Cancellation),
            StatusCode.PermissionDenied, "ACCESS_DENIED");

        using var json = platform.JsonClient(customer.AccessToken);
        using var response = await json.GetAsync(new Uri("/v1/users", UriKind.Relative), Cancellation);
        await SecurityAssert.RefusedAsync(response, HttpStatusCode.Forbidden, StatusCode.PermissionDenied, "ACCESS_DENIED");
    }

    [Fact]
    public async Task A_customer_cannot_call_producer_methods_through_the_gateway_or_past_it()
    {
        var customer = await platform.RegisterAsync();
        var asCustomer = SecuredPlatform.Bearer(customer.AccessToken);
        using var gateway = platform.GrpcChannel();
        using var catalog = platform.CatalogChannel();
        foreach (var channel in new[] { gateway, catalog })
        {
            await SecurityAssert.RefusedAsync(
                () => new ProductService.ProductServiceClient(channel).CreateProductAsync(new CreateProductRequest { Product = new Product { Slug = "mine" } }, asCustomer, cancellationToken: Cancellation),
                StatusCode.PermissionDenied, "ACCESS_DENIED");
            await SecurityAssert.RefusedAsync(
                () => new InventoryService.InventoryServiceClient(channel).AdjustStockAsync(new AdjustStockRequest { Sku = "ANY", Delta = 100 }, asCustomer, cancellationToken: Cancellation),
                StatusCode.PermissionDenied, "ACCESS_DENIED");
        }

        using var json = platform.JsonClient(customer.AccessToken);
        using var response = await json.PostAsJsonAsync(new Uri("/v1/products", UriKind.Relative), new { slug = "mine" }, Cancellation);
        await SecurityAssert.RefusedAsync(response, HttpStatusCode.Forbidden, StatusCode.PermissionDenied, "ACCESS_DENIED");
    }

    [Fact]
    public async Task Internal_methods_are_not_served_by_the_gateway()
    {
        var admin = await platform.AdminAsync();
        using var channel = platform.GrpcChannel();
        await SecurityAssert.RefusedAsync(
            () => new TokenRevocationService.TokenRevocationServiceClient(channel).GetTokenRevocationsAsync(new GetTokenRevocationsRequest(), SecuredPlatform.Bearer(admin.AccessToken), cancellationToken: Cancellation),
            StatusCode.Unimplemented);
        await SecurityAssert.RefusedAsync(
            () => new InventoryService.InventoryServiceClient(channel).ReserveStockAsync(new ReserveStockRequest { OrderId = "o-1" }, SecuredPlatform.Bearer(admin.AccessToken), cancellationToken: Cancellation),
            StatusCode.Unimplemented);
    }
}
