using Dixis.Contracts.Common.V1;
using Dixis.Contracts.Orders.V1;
using Dixis.Orders.Pricing;
using Dixis.ServiceDefaults.Grpc;
using Google.Protobuf.WellKnownTypes;

namespace Dixis.Orders.Carts;

/// <summary>A stored cart and its prices as the contract's <c>Cart</c>.</summary>
public static class CartMessages
{
    public static Cart ToMessage(StoredCart stored, PricedCart priced)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(priced);
        var cart = stored.Cart;
        var message = new Cart
        {
            Id = cart.Id,
            CustomerUserId = cart.CustomerUserId ?? string.Empty,
            Subtotal = priced.Subtotal,
            ItemCount = priced.ItemCount,
            CreateTime = Time(cart.CreateTimeMs),
            UpdateTime = Time(cart.UpdateTimeMs),
            ExpireTime = Time(cart.ExpireTimeMs),
            Etag = Etag.Of(stored.Version),
        };
        foreach (var line in priced.Lines)
        {
            message.Lines.Add(ToMessage(line));
        }

        return message;
    }

    /// <summary>One priced line as the contract's <c>CartLine</c>, with its notes (the cart view and PreviewOrder's problem lines).</summary>
    public static CartLine ToMessage(PricedLine priced)
    {
        ArgumentNullException.ThrowIfNull(priced);
        var line = new CartLine
        {
            Sku = priced.Line.Sku,
            Quantity = priced.Line.Quantity,
            AddTime = Time(priced.Line.AddTimeMs),
            UnitPrice = priced.UnitPrice,
            LineTotal = priced.LineTotal,
            Notes = { priced.Notes },
        };
        if (priced.Variant is { } variant)
        {
            line.ProductId = variant.ProductId;
            line.ProducerId = variant.ProducerId;
            line.ProductName = variant.ProductName;
            line.VariantLabel = Label(variant.OptionValues);
            line.ImageUri = variant.ImageUri;
            line.ProductSlug = variant.ProductSlug;
        }

        return line;
    }

    /// <summary>The option values per language, joined: <c>500 ml · extra virgin</c>.</summary>
    private static LocalizedText Label(IEnumerable<Contracts.Catalog.V1.OptionValue> options)
    {
        var label = new LocalizedText();
        var values = options.Where(option => option.Value is not null).Select(option => option.Value.Values).ToArray();
        foreach (var language in values.SelectMany(value => value.Keys).Distinct(StringComparer.Ordinal))
        {
            label.Values[language] = string.Join(" · ", values.Where(value => value.ContainsKey(language)).Select(value => value[language]));
        }

        return label;
    }

    private static Timestamp Time(long unixMs) => Timestamp.FromDateTimeOffset(DateTimeOffset.FromUnixTimeMilliseconds(unixMs));
}
