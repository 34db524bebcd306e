using Dixis.Contracts.Orders.V1;
using Dixis.Orders.Carts;
using Dixis.Orders.Model;
using Dixis.Orders.Payments;
using Dixis.Orders.Pricing;
using Dixis.ServiceDefaults.Security;

namespace Dixis.Orders.Checkout;

/// <summary>PreviewOrder: the cart priced exactly as PlaceOrder would price it, holding nothing.</summary>
public sealed class CheckoutPreview(ICartStore carts, CheckoutPricing pricing, CheckoutValidator validator, PaymentMethods methods)
{
    public async Task<PreviewOrderResponse> PreviewAsync(PreviewOrderRequest request, Caller caller, CancellationToken cancellationToken)
    {
        validator.Validate(request);
        var stored = await carts.GetAsync(request.CartId, cancellationToken);
        if (stored is null || (stored.Cart.CustomerUserId is { } owner && owner != caller.Subject))
        {
            throw CartErrors.CartNotFound(request.CartId);
        }

        if (stored.Cart.Lines.Count == 0)
        {
            throw OrderErrors.Precondition(ErrorReason.CartEmpty, $"Cart '{request.CartId}' is empty.", "CART", $"carts/{request.CartId}");
        }

        var priced = await pricing.PriceAsync(
            stored.Cart.Lines.Select(line => (line.Sku, line.Quantity)).ToList(), request.ShippingAddress, request.PaymentMethod, request.ShippingSelections, cancellationToken);
        var response = new PreviewOrderResponse { Totals = priced.Totals };
        response.Lines.AddRange(priced.Lines.Select(line =>
        {
            var preview = line.Clone();
            preview.Id = string.Empty;
            preview.ParcelId = string.Empty;
            return preview;
        }));
        response.Parcels.AddRange(priced.Previews);
        response.PaymentMethods.AddRange(methods.List());
        return response;
    }
}
