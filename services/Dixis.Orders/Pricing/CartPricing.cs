using Dixis.Contracts.Catalog.V1;
using Dixis.Contracts.Common.V1;
using Dixis.Contracts.Orders.V1;
using Dixis.Orders.Carts;

namespace Dixis.Orders.Pricing;

/// <summary>
/// Prices stored cart lines from a <see cref="VariantLookup"/>: the one place that decides a line's current price, its
/// total and its notes. The cart view uses it on every answer; checkout prices the same way, so what the cart shows
/// is what an order charges.
/// </summary>
public static class CartPricing
{
    /// <summary>Prices <paramref name="lines"/> in <paramref name="currencyCode"/>; <paramref name="variants"/> must cover their SKUs.</summary>
    public static PricedCart Price(IReadOnlyList<CartLineRecord> lines, VariantLookup variants, string currencyCode)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(variants);
        var priced = new List<PricedLine>(lines.Count);
        long subtotal = 0;
        long items = 0;
        foreach (var line in lines)
        {
            var pricedLine = PriceLine(line, variants.Find(line.Sku), currencyCode);
            priced.Add(pricedLine);
            items += line.Quantity;
            if (pricedLine.IsPurchasable)
            {
                subtotal += pricedLine.LineTotal!.AmountMinor;
            }
        }

        return new PricedCart(priced, new Money { CurrencyCode = currencyCode, AmountMinor = subtotal }, items);
    }

    /// <summary>One line at the variant's current price (<paramref name="variant"/> null: the SKU no longer exists).</summary>
    public static PricedLine PriceLine(CartLineRecord line, VariantSnapshot? variant, string currencyCode)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (variant is null)
        {
            return new PricedLine(line, null, null, null, [new CartLineNote { Kind = CartLineNoteKind.SkuUnavailable }]);
        }

        var notes = new List<CartLineNote>();
        var inCurrency = variant.Price.CurrencyCode == currencyCode;
        switch (variant.Status)
        {
            case ProductStatus.Active when inCurrency:
                break;
            case ProductStatus.Archived:
                notes.Add(new CartLineNote { Kind = CartLineNoteKind.ProductArchived });
                break;
            default:
                // A draft product, or one priced in another currency than the cart's: not on sale to this cart.
                notes.Add(new CartLineNote { Kind = CartLineNoteKind.SkuUnavailable });
                break;
        }

        if (variant.Price.AmountMinor != line.AddedUnitPriceMinor || variant.Price.CurrencyCode != line.CurrencyCode)
        {
            notes.Add(new CartLineNote
            {
                Kind = CartLineNoteKind.PriceChanged,
                PreviousUnitPrice = new Money { CurrencyCode = line.CurrencyCode, AmountMinor = line.AddedUnitPriceMinor },
            });
        }

        if (variant.Available <= 0)
        {
            notes.Add(new CartLineNote { Kind = CartLineNoteKind.OutOfStock, AvailableQuantity = 0 });
        }
        else if (variant.Available < line.Quantity)
        {
            notes.Add(new CartLineNote { Kind = CartLineNoteKind.InsufficientStock, AvailableQuantity = variant.Available });
        }

        var unitPrice = variant.Price.Clone();
        var lineTotal = new Money { CurrencyCode = unitPrice.CurrencyCode, AmountMinor = checked(unitPrice.AmountMinor * line.Quantity) };
        return new PricedLine(line, variant, unitPrice, lineTotal, notes)
        {
            IsPurchasable = variant.Status == ProductStatus.Active && inCurrency,
        };
    }
}
