using System.Net;
using Dixis.Contracts.Auth.V1;
using Dixis.Contracts.Catalog.V1;
using Dixis.Contracts.Common.V1;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace Dixis.Gateway.Tests.Security;

/// <summary>
/// OWASP API1:2023 Broken Object Level Authorization. User B cannot read, change or delete user A's address (it does not
/// even learn it exists: NOT_FOUND), and a producer cannot change another producer's product or stock. Carts and orders
/// come with the commerce issue; their ownership tests belong there.
/// </summary>
[Collection(SecuredPlatformCollection.Name)]
public sealed class BrokenObjectLevelAuthorizationTests(SecuredPlatform platform)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task User_b_cannot_read_change_or_delete_user_a_address()
    {
        var alice = await platform.RegisterAsync("Αλίκη");
        var bob = await platform.RegisterAsync("Βασίλης");
        using var channel = platform.GrpcChannel();
        var addresses = new AddressService.AddressServiceClient(channel);
        var address = await addresses.CreateAddressAsync(new CreateAddressRequest { Address = HomeOf("Αλίκη Παπαδοπούλου") }, SecuredPlatform.Bearer(alice.AccessToken), cancellationToken: Cancellation);
        var asBob = SecuredPlatform.Bearer(bob.AccessToken);

        await SecurityAssert.RefusedAsync(() => addresses.GetAddressAsync(new GetAddressRequest { AddressId = address.Id }, asBob, cancellationToken: Cancellation), StatusCode.NotFound);
        await SecurityAssert.RefusedAsync(
            () => addresses.UpdateAddressAsync(new UpdateAddressRequest { Address = new Address { Id = address.Id, Label = "Mine now" }, UpdateMask = FieldMask.FromString("label") }, asBob, cancellationToken: Cancellation),
            StatusCode.NotFound);
        await SecurityAssert.RefusedAsync(() => addresses.DeleteAddressAsync(new DeleteAddressRequest { AddressId = address.Id }, asBob, cancellationToken: Cancellation), StatusCode.NotFound);
        Assert.DoesNotContain((await addresses.ListAddressesAsync(new ListAddressesRequest(), asBob, cancellationToken: Cancellation)).Addresses, a => a.Id == address.Id);

        using var json = platform.JsonClient(bob.AccessToken);
        using var response = await json.GetAsync(new Uri($"/v1/profile/addresses/{address.Id}", UriKind.Relative), Cancellation);
        await SecurityAssert.RefusedAsync(response, HttpStatusCode.NotFound, StatusCode.NotFound);

        var unchanged = await addresses.GetAddressAsync(new GetAddressRequest { AddressId = address.Id }, SecuredPlatform.Bearer(alice.AccessToken), cancellationToken: Cancellation);
        Assert.Equal("Home", unchanged.Label);
    }

    [Fact]
    public async Task A_producer_cannot_change_another_producers_product_or_stock()
    {
        var (mallory, _) = await platform.ProducerUserAsync();
        var (_, victim) = await platform.ProducerUserAsync();
        var product = await platform.ProductOfAsync(victim);
        var asMallory = SecuredPlatform.Bearer(mallory.AccessToken);
        using var channel = platform.GrpcChannel();

        var update = await Assert.ThrowsAsync<RpcException>(() => new ProductService.ProductServiceClient(channel).UpdateProductAsync(
            new UpdateProductRequest { Product = new Product { Id = product.Id, Status = ProductStatus.Archived }, UpdateMask = FieldMask.FromString("status") },
            asMallory, cancellationToken: Cancellation).ResponseAsync);
        Assert.Contains(update.StatusCode, new[] { StatusCode.PermissionDenied, StatusCode.NotFound });

        var adjust = await Assert.ThrowsAsync<RpcException>(() => new InventoryService.InventoryServiceClient(channel).AdjustStockAsync(
            new AdjustStockRequest { Sku = product.Variants[0].Sku, Delta = 1000, Reason = AdjustmentReason.Restock, RequestId = Guid.NewGuid().ToString() },
            asMallory, cancellationToken: Cancellation).ResponseAsync);
        Assert.Contains(adjust.StatusCode, new[] { StatusCode.PermissionDenied, StatusCode.NotFound });

        var still = await new ProductService.ProductServiceClient(channel).GetProductAsync(new GetProductRequest { ProductId = product.Id }, cancellationToken: Cancellation);
        Assert.Equal(ProductStatus.Active, still.Status);
    }

    private static Address HomeOf(string recipient) => new()
    {
        Label = "Home",
        PostalAddress = new PostalAddress
        {
            RegionCode = "GR",
            PostalCode = "10558",
            Locality = "Αθήνα",
            AddressLines = { "Οδός Αδριανού 12" },
            RecipientName = recipient,
            PhoneNumber = "+302101234567",
        },
    };
}
