using Dixis.Contracts.Orders.V1;
using Dixis.Orders.Carts;
using Dixis.Persistence.Documents;
using Dixis.Services.Tests.Commerce;
using Dixis.Services.Tests.Infrastructure;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Dixis.Services.Tests.Orders.Carts;

/// <summary>Cart settings (<c>Orders:Carts</c>): checked at start, and what they limit — lines per cart, how long an untouched cart lives.</summary>
public sealed class CartLifetimeTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("Orders:Carts:MaxLines", "0")]
    [InlineData("Orders:Carts:MaxLines", "501")]
    [InlineData("Orders:Carts:MaxQuantity", "1000")]
    [InlineData("Orders:Carts:GuestCartLifetime", "00:00:01")]
    [InlineData("Orders:Carts:CurrencyCode", "euro")]
    public async Task A_bad_cart_setting_stops_the_start_naming_it(string key, string value)
    {
        await using var orders = DixisServices.Start("orders", new ServiceSettings { Values = { [key] = value } });

        var error = Assert.ThrowsAny<OptionsValidationException>(() => orders.Services);

        Assert.Contains(key.Split(':')[^1], error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cart_holds_at_most_the_configured_number_of_lines()
    {
        await using var platform = await CommercePlatform.StartAsync(new CommerceSettings
        {
            Orders = new CommerceServiceSettings { Values = { ["Orders:Carts:MaxLines"] = "2" } },
        });
        var product = await platform.SeedProductAsync([new SeedVariant(), new SeedVariant(), new SeedVariant()]);
        var cart = await platform.Carts.CreateCartAsync(new CreateCartRequest(), cancellationToken: Cancellation);
        await platform.Carts.AddCartLineAsync(new AddCartLineRequest { CartId = cart.Id, Sku = product.Skus[0], Quantity = 1 }, cancellationToken: Cancellation);
        await platform.Carts.AddCartLineAsync(new AddCartLineRequest { CartId = cart.Id, Sku = product.Skus[1], Quantity = 1 }, cancellationToken: Cancellation);

        var violation = await RpcAssert.InvalidFieldAsync(
            () => platform.Carts.AddCartLineAsync(new AddCartLineRequest { CartId = cart.Id, Sku = product.Skus[2], Quantity = 1 }, cancellationToken: Cancellation),
            "sku");

        Assert.Contains("2 different SKUs", violation.Description, StringComparison.Ordinal);
        var again = await platform.Carts.AddCartLineAsync(new AddCartLineRequest { CartId = cart.Id, Sku = product.Skus[1], Quantity = 1 }, cancellationToken: Cancellation);
        Assert.Equal([1L, 2L], again.Lines.Select(line => line.Quantity));
    }

    [Fact]
    public async Task An_untouched_guest_cart_expires_and_is_swept_from_the_document_store()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var platform = await CommercePlatform.StartAsync(new CommerceSettings
        {
            Orders = new CommerceServiceSettings
            {
                Values = { ["Orders:Carts:SweepInterval"] = "00:01:00" },
                Services = services => services.AddSingleton<TimeProvider>(clock),
            },
        });
        var abandoned = await platform.Carts.CreateCartAsync(new CreateCartRequest(), cancellationToken: Cancellation);
        clock.Advance(TimeSpan.FromDays(20));
        var recent = await platform.Carts.CreateCartAsync(new CreateCartRequest(), cancellationToken: Cancellation);

        clock.Advance(TimeSpan.FromDays(11));

        await RpcAssert.FailsAsync(
            () => platform.Carts.GetCartAsync(new GetCartRequest { CartId = abandoned.Id }, cancellationToken: Cancellation),
            StatusCode.NotFound,
            "CART_NOT_FOUND");
        var carts = platform.OrdersService.Services.GetRequiredService<IDocumentStore>().Collection<CartRecord>(DocumentCartStore.CollectionName);
        var stored = await Eventually.ReadAsync(() => carts.GetAsync(abandoned.Id, Cancellation), document => document is null);
        Assert.Null(stored);
        Assert.Equal(recent.Id, (await platform.Carts.GetCartAsync(new GetCartRequest { CartId = recent.Id }, cancellationToken: Cancellation)).Id);
    }

    [Fact]
    public async Task While_the_catalog_is_down_a_cart_with_lines_answers_unavailable_and_keeps_its_lines()
    {
        await using var platform = await CommercePlatform.StartAsync();
        var product = await platform.SeedProductAsync();
        var cart = await platform.Carts.CreateCartAsync(new CreateCartRequest(), cancellationToken: Cancellation);
        await platform.Carts.AddCartLineAsync(new AddCartLineRequest { CartId = cart.Id, Sku = product.Sku, Quantity = 2 }, cancellationToken: Cancellation);

        await platform.StopAsync("catalog");

        await RpcAssert.FailsAsync(
            () => platform.Carts.GetCartAsync(new GetCartRequest { CartId = cart.Id }, cancellationToken: Cancellation),
            StatusCode.Unavailable,
            "DEPENDENCY_UNAVAILABLE");
        await platform.RestartAsync("catalog");
        var line = Assert.Single((await platform.Carts.GetCartAsync(new GetCartRequest { CartId = cart.Id }, cancellationToken: Cancellation)).Lines);
        Assert.Equal(2, line.Quantity);
        Assert.Equal(2500, line.LineTotal.AmountMinor);
    }
}
