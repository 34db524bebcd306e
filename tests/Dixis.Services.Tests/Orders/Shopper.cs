using Dixis.Contracts.Common.V1;
using Dixis.Contracts.Orders.V1;
using Dixis.Services.Tests.Commerce;
using Dixis.Testing.Tokens;
using Grpc.Core;

namespace Dixis.Services.Tests.Orders;

/// <summary>A signed-in customer of the <see cref="CommercePlatform"/>: fills a cart through the cart API and checks out.</summary>
public sealed class Shopper(CommercePlatform platform, string? userId = null)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public string UserId { get; } = userId ?? $"customer-{Guid.NewGuid():N}"[..20];

    public Metadata Token => TestCallers.Customer(UserId);

    /// <summary>An Athens address the default Greek rate table ships to.</summary>
    public static PostalAddress Athens => new()
    {
        RegionCode = "GR",
        PostalCode = "10558",
        Locality = "Αθήνα",
        AddressLines = { "Αδριανού 24" },
        RecipientName = "Μαρία Παπαδοπούλου",
        PhoneNumber = "+302101234567",
    };

    /// <summary>This shopper's own cart (each signed-in user has one) with <paramref name="lines"/> added.</summary>
    public Task<string> CartAsync(params (string Sku, long Quantity)[] lines) => FillAsync(Token, lines);

    /// <summary>A new guest cart (reached by its id alone) holding <paramref name="lines"/>: a second cart for the same shopper.</summary>
    public Task<string> GuestCartAsync(params (string Sku, long Quantity)[] lines) => FillAsync(TestCallers.Anonymous, lines);

    private async Task<string> FillAsync(Metadata caller, (string Sku, long Quantity)[] lines)
    {
        var cart = await platform.Carts.CreateCartAsync(new CreateCartRequest(), caller, cancellationToken: Cancellation);
        foreach (var (sku, quantity) in lines)
        {
            await platform.Carts.AddCartLineAsync(new AddCartLineRequest { CartId = cart.Id, Sku = sku, Quantity = quantity }, caller, cancellationToken: Cancellation);
        }

        return cart.Id;
    }

    public static PlaceOrderRequest Request(string cartId, PaymentMethod method = PaymentMethod.CashOnDelivery) => new()
    {
        RequestId = Guid.NewGuid().ToString(),
        CartId = cartId,
        ShippingAddress = Athens,
        PaymentMethod = method,
        ContactEmail = "maria@example.com",
    };

    public AsyncUnaryCall<PlaceOrderResponse> Place(PlaceOrderRequest request) =>
        platform.Orders.PlaceOrderAsync(request, Token, cancellationToken: Cancellation);

    /// <summary>A cart of <paramref name="lines"/> ordered with <paramref name="method"/>.</summary>
    public async Task<PlaceOrderResponse> OrderAsync(PaymentMethod method, params (string Sku, long Quantity)[] lines) =>
        await Place(Request(await CartAsync(lines), method));

    public async Task<Order> GetAsync(string orderId) =>
        await platform.Orders.GetOrderAsync(new GetOrderRequest { OrderId = orderId }, Token, cancellationToken: Cancellation);
}
