using Dixis.Contracts.Orders.V1;
using Dixis.Orders.Carts;
using Dixis.Orders.Model;
using Dixis.Orders.Payments;
using Dixis.Orders.Pricing;
using Dixis.ServiceDefaults.Security;

namespace Dixis.Orders.Checkout;

/// <summary>
/// PreviewOrder: the cart priced exactly as PlaceOrder would price it, holding nothing. Unlike PlaceOrder it does not
/// fail on a line that cannot be ordered: it prices the lines that can be, and reports every line with a note (SKU
/// unavailable, archived, out of stock or short, price changed) in <c>problem_lines</c>, noted as the cart view notes
/// them (<see cref="CartPricing"/>). Cash on delivery over its limit does not fail it either: the order is priced and
/// the method is shown unavailable with the reason (<see cref="PricingMode.Preview"/>).
/// </summary>
public sealed class CheckoutPreview(ICartStore carts, CatalogVariants catalog, CheckoutPricing pricing, CheckoutValidator validator, PaymentMethods methods)
{
    public async Task<PreviewOrderResponse> PreviewAsync(PreviewOrderRequest request, Caller caller, CancellationToken cancellationToken)
    {
        validator.Validate(request);
        var stored = await carts.GetAsync(request.CartId, cancellationToken);
        if (stored is null || !stored.Cart.IsOpenTo(caller.Subject))
        {
            throw CartErrors.CartNotFound(request.CartId);
        }

        if (stored.Cart.Lines.Count == 0)
        {
            throw OrderErrors.Precondition(ErrorReason.CartEmpty, $"Cart '{request.CartId}' is empty.", "CART", $"carts/{request.CartId}");
        }

        var variants = await catalog.LookupAsync(stored.Cart.Lines.Select(line => line.Sku), cancellationToken);
        var cart = CartPricing.Price(stored.Cart.Lines, variants, pricing.CurrencyCode);
        var orderable = cart.Lines.Where(line => line.CanBeOrdered).Select(line => (line.Variant!, line.Line.Quantity)).ToList();
        var priced = await pricing.PriceAsync(orderable, request.ShippingAddress, request.PaymentMethod, request.ShippingSelections, PricingMode.Preview, cancellationToken);
        var response = new PreviewOrderResponse { Totals = priced.Totals };
        response.Lines.AddRange(priced.Lines.Select(line =>
        {
            var preview = line.Clone();
            preview.Id = string.Empty;
            preview.ParcelId = string.Empty;
            return preview;
        }));
        response.Parcels.AddRange(priced.Previews);
        response.ProblemLines.AddRange(cart.Lines.Where(line => line.Notes.Count > 0).Select(line => CartMessages.ToMessage(line)));
        response.PaymentMethods.AddRange(methods.List());
        if (priced.CashOnDeliveryRefusals.Count > 0)
        {
            // Asked with cash on delivery and a parcel is over its limit: priced anyway, and the method shown unusable.
            var cashOnDelivery = response.PaymentMethods.Single(option => option.Method == PaymentMethod.CashOnDelivery);
            cashOnDelivery.Available = false;
            cashOnDelivery.UnavailableReason = string.Join(" ", priced.CashOnDeliveryRefusals.Select(refusal => refusal.Description))
                + " Choose another payment method or split the order.";
        }
        return response;
    }
}
