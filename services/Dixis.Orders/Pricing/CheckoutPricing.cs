using Dixis.Contracts.Catalog.V1;
using Dixis.Contracts.Common.V1;
using Dixis.Contracts.Orders.V1;
using Dixis.Contracts.Shipping.V1;
using Dixis.Orders.Checkout;
using Dixis.Orders.Model;
using Dixis.Orders.Payments;
using Dixis.Orders.Vat;
using Dixis.ServiceDefaults.Grpc;
using Grpc.Core;
using Microsoft.Extensions.Options;
using OrdersErrorReason = Dixis.Contracts.Orders.V1.ErrorReason;

namespace Dixis.Orders.Pricing;

/// <summary>
/// Prices a cart the way the order will be charged: every line re-priced from the catalog (the client's prices are
/// never used), one parcel per producer quoted by the Shipping service, VAT per line and for shipping and fees, and the
/// cash-on-delivery fee and limit.
/// </summary>
public sealed class CheckoutPricing(
    CatalogVariants catalog,
    ProducerFacts producers,
    RateService.RateServiceClient rates,
    VatRates vat,
    IOptions<CashOnDeliveryOptions> cashOnDelivery,
    IOptions<CheckoutOptions> checkout)
{
    private const string Domain = OrderErrors.Domain;

    /// <summary>The market's currency: what carts are priced in for checkout.</summary>
    public string CurrencyCode => checkout.Value.CurrencyCode;

    /// <summary>PlaceOrder's pricing: every line must be on sale (else FAILED_PRECONDITION SKU_UNAVAILABLE listing them all).</summary>
    public async Task<PricedCheckout> PriceAsync(
        IReadOnlyList<(string Sku, long Quantity)> cartLines,
        PostalAddress destination,
        PaymentMethod method,
        IReadOnlyList<ShippingSelection> selections,
        CancellationToken cancellationToken)
    {
        var variants = await VariantsAsync(cartLines, CurrencyCode, cancellationToken);
        return await PriceAsync(cartLines.Select(line => (variants[line.Sku], line.Quantity)).ToList(), destination, method, selections, PricingMode.Checkout, cancellationToken);
    }

    /// <summary>
    /// Prices <paramref name="items"/>, variants the caller already read and found on sale (PreviewOrder prices the
    /// lines that can be bought this way). No items: no parcels and zero totals, without asking the Shipping service.
    /// </summary>
    public async Task<PricedCheckout> PriceAsync(
        IReadOnlyList<(VariantSnapshot Variant, long Quantity)> items,
        PostalAddress destination,
        PaymentMethod method,
        IReadOnlyList<ShippingSelection> selections,
        PricingMode mode,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(items);
        var currency = CurrencyCode;

        // Parcels in the order their producers first appear in the cart, lines in cart order.
        var groups = items
            .GroupBy(item => item.Variant.ProducerId, StringComparer.Ordinal)
            .ToList();
        var producerIds = groups.Select(group => group.Key).ToHashSet(StringComparer.Ordinal);
        if (mode == PricingMode.Preview)
        {
            // A selection kept by the frontend for a producer whose lines all became unbuyable is moot, not wrong.
            selections = [.. selections.Where(selection => producerIds.Contains(selection.ProducerId))];
        }

        CheckSelections(selections, producerIds);
        var producerFacts = await ProducersAsync(groups.Select(group => group.Key), cancellationToken);

        var lines = new List<OrderLine>();
        var parcels = new List<Parcel>();
        var packed = new List<(string ParcelId, int Length, int Width, int Height, int Weight, long Value)>();
        foreach (var (group, index) in groups.Select((group, index) => (group, index)))
        {
            var parcel = new Parcel
            {
                Id = $"p{index + 1}",
                ProducerId = group.Key,
                ProducerName = producerFacts[group.Key].Name,
                State = ParcelState.Pending,
            };
            foreach (var (variant, quantity) in group)
            {
                var line = Line(variant, quantity, $"l{lines.Count + 1}", parcel.Id, currency);
                lines.Add(line);
                parcel.LineIds.Add(line.Id);
            }

            var (length, width, height, weight) = ParcelPacking.Pack(group);
            parcel.WeightGrams = weight;
            parcels.Add(parcel);
            packed.Add((parcel.Id, length, width, height, weight, group.Sum(item => item.Variant.Price.AmountMinor * item.Quantity)));
        }

        var violations = new List<PreconditionViolation>();
        var quotes = parcels.Count == 0
            ? new Dictionary<string, ParcelQuote>()
            : await QuoteAsync(packed, parcels, producerFacts, destination, method, currency, mode == PricingMode.Preview ? violations : null, cancellationToken);
        var previews = new List<ParcelPreview>();
        var logistics = new List<ParcelLogistics>();
        var fee = method == PaymentMethod.CashOnDelivery ? cashOnDelivery.Value.Fee : 0;
        foreach (var (parcel, pack) in parcels.Zip(packed))
        {
            var quote = quotes[parcel.Id];
            var options = quote.Options.Select(option => Option(option)).ToList();
            var selected = Select(parcel, options, selections, method);
            parcel.Shipping = selected;
            parcel.WeightGrams = quote.ChargeableWeightGrams > 0 ? quote.ChargeableWeightGrams : parcel.WeightGrams;
            var preview = new ParcelPreview
            {
                ProducerId = parcel.ProducerId,
                ProducerName = parcel.ProducerName,
                WeightGrams = parcel.WeightGrams,
                SelectedServiceLevelId = selected.ServiceLevelId,
            };
            preview.Skus.AddRange(lines.Where(line => line.ParcelId == parcel.Id).Select(line => line.Sku));
            preview.Options.AddRange(options);
            previews.Add(preview);

            var codAmount = method == PaymentMethod.CashOnDelivery ? pack.Value + selected.Price.AmountMinor + fee : 0;
            if (method == PaymentMethod.CashOnDelivery && codAmount > cashOnDelivery.Value.MaxParcelValue)
            {
                violations.Add(new PreconditionViolation("CASH_ON_DELIVERY_LIMIT", $"parcels/{parcel.ProducerId}",
                    $"The parcel of {DisplayName(parcel)} would collect {Format(codAmount, currency)} on delivery; the limit is {Format(cashOnDelivery.Value.MaxParcelValue, currency)}."));
            }

            logistics.Add(new ParcelLogistics(parcel.Id, pack.Length, pack.Width, pack.Height, pack.Weight, pack.Value,
                producerFacts[parcel.ProducerId].OriginPostalCode, codAmount, CashCollected: false));
        }

        if (violations.Count > 0 && mode == PricingMode.Checkout)
        {
            throw RpcErrors.FailedPrecondition(Domain, OrderErrors.Reason(OrdersErrorReason.CashOnDeliveryNotAllowed),
                $"Cash on delivery is not possible for this order: {violations[0].Description} Choose another payment method or split the order.", violations);
        }

        return new PricedCheckout(lines, parcels, previews, logistics, Totals(lines, parcels, fee, currency), violations);
    }

    private OrderTotals Totals(IReadOnlyList<OrderLine> lines, IReadOnlyList<Parcel> parcels, long feePerParcel, string currency)
    {
        var servicesRate = vat.ServicesRate;
        var taxed = lines.Select(line => (line.VatRateBasisPoints, line.LineTotal.AmountMinor, line.VatAmount.AmountMinor)).ToList();
        foreach (var parcel in parcels)
        {
            var shipping = parcel.Shipping.Price.AmountMinor;
            taxed.Add((servicesRate, shipping, VatRates.Contained(shipping, servicesRate)));
            if (feePerParcel > 0)
            {
                taxed.Add((servicesRate, feePerParcel, VatRates.Contained(feePerParcel, servicesRate)));
            }
        }

        var items = lines.Sum(line => line.LineTotal.AmountMinor);
        var shippingTotal = parcels.Sum(parcel => parcel.Shipping.Price.AmountMinor);
        var fees = feePerParcel * parcels.Count;
        var totals = new OrderTotals
        {
            ItemsTotal = Money(items, currency),
            ShippingTotal = Money(shippingTotal, currency),
            CashOnDeliveryFee = Money(fees, currency),
            GrandTotal = Money(items + shippingTotal + fees, currency),
            VatTotal = Money(taxed.Sum(amount => amount.Item3), currency),
            PaidTotal = Money(0, currency),
            RefundedTotal = Money(0, currency),
        };
        totals.VatBreakdown.AddRange(VatRates.Breakdown(taxed, currency));
        return totals;
    }

    private OrderLine Line(VariantSnapshot variant, long quantity, string lineId, string parcelId, string currency)
    {
        var rate = vat.RateOf(variant.TaxClass);
        var total = variant.Price.AmountMinor * quantity;
        var label = new LocalizedText();
        foreach (var language in variant.OptionValues.SelectMany(value => value.Value?.Values.Keys ?? []).Distinct(StringComparer.Ordinal))
        {
            label.Values[language] = string.Join(", ", variant.OptionValues.Select(value => value.Value?.Values.GetValueOrDefault(language)).Where(text => !string.IsNullOrEmpty(text)));
        }

        return new OrderLine
        {
            Id = lineId,
            Sku = variant.Sku,
            ProductId = variant.ProductId,
            ProducerId = variant.ProducerId,
            ProductName = variant.ProductName ?? new LocalizedText(),
            VariantLabel = label,
            Quantity = quantity,
            UnitPrice = Money(variant.Price.AmountMinor, currency),
            LineTotal = Money(total, currency),
            TaxClass = variant.TaxClass,
            VatRateBasisPoints = rate,
            VatAmount = Money(VatRates.Contained(total, rate), currency),
            ParcelId = parcelId,
        };
    }

    /// <summary>The catalog's view of every SKU; unknown, archived or not-on-sale SKUs fail the checkout, all listed.</summary>
    private async Task<Dictionary<string, VariantSnapshot>> VariantsAsync(IReadOnlyList<(string Sku, long Quantity)> cartLines, string currency, CancellationToken cancellationToken)
    {
        var lookup = await catalog.LookupAsync(cartLines.Select(line => line.Sku), cancellationToken);
        var violations = cartLines
            .Where(line => !lookup.IsOnSale(line.Sku) || lookup.Find(line.Sku)!.Price?.CurrencyCode != currency)
            .Select(line => new PreconditionViolation("SKU", $"sku/{line.Sku}", lookup.Find(line.Sku) is { } variant
                ? $"SKU '{line.Sku}' is not on sale ({variant.Status})."
                : $"SKU '{line.Sku}' does not exist."))
            .ToList();
        if (violations.Count > 0)
        {
            throw RpcErrors.FailedPrecondition(Domain, OrderErrors.Reason(OrdersErrorReason.SkuUnavailable),
                $"{violations.Count} of {cartLines.Count} cart lines cannot be ordered: {violations[0].Description} Remove them from the cart and try again.", violations);
        }

        return cartLines.ToDictionary(line => line.Sku, line => lookup.Find(line.Sku)!, StringComparer.Ordinal);
    }

    private async Task<Dictionary<string, (string Name, string OriginPostalCode)>> ProducersAsync(IEnumerable<string> producerIds, CancellationToken cancellationToken)
    {
        var lookups = producerIds.Select(async producerId =>
        {
            var facts = await producers.GetAsync(producerId, cancellationToken);
            return (producerId, (facts.DisplayName, facts.OriginPostalCode));
        });
        return (await Task.WhenAll(lookups)).ToDictionary(entry => entry.producerId, entry => entry.Item2, StringComparer.Ordinal);
    }

    private async Task<Dictionary<string, ParcelQuote>> QuoteAsync(
        List<(string ParcelId, int Length, int Width, int Height, int Weight, long Value)> packed,
        List<Parcel> parcels,
        Dictionary<string, (string Name, string OriginPostalCode)> producerFacts,
        PostalAddress destination,
        PaymentMethod method,
        string currency,
        List<PreconditionViolation>? cashOnDeliveryRefusals,
        CancellationToken cancellationToken)
    {
        var request = new QuoteRatesRequest
        {
            DestinationPostalCode = destination.PostalCode.Trim(),
            DestinationRegionCode = destination.RegionCode,
            CashOnDelivery = method == PaymentMethod.CashOnDelivery,
        };
        foreach (var (pack, parcel) in packed.Zip(parcels))
        {
            request.Parcels.Add(new ParcelSpec
            {
                Reference = pack.ParcelId,
                WeightGrams = pack.Weight,
                Dimensions = new Dimensions { LengthMm = pack.Length, WidthMm = pack.Width, HeightMm = pack.Height },
                DeclaredValue = Money(pack.Value, currency),
                OriginPostalCode = producerFacts[parcel.ProducerId].OriginPostalCode,
            });
        }

        QuoteRatesResponse response;
        try
        {
            response = await rates.QuoteRatesAsync(request, cancellationToken: cancellationToken);
        }
        catch (RpcException invalid) when (invalid.StatusCode == StatusCode.InvalidArgument)
        {
            // The destination is what the shipping service can refuse (e.g. a postal code of the wrong shape).
            throw RpcErrors.InvalidField(Domain, "shipping_address.postal_code", $"cannot be shipped to: {invalid.Status.Detail}");
        }
        catch (RpcException failure) when (failure.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded or StatusCode.Unimplemented or StatusCode.Internal)
        {
            throw Unavailable("shipping");
        }
        catch (RpcException none) when (none.StatusCode == StatusCode.FailedPrecondition)
        {
            // No parcel can be shipped at all: answered below as for a parcel without options, in this service's terms
            // (and, for a preview with cash on delivery, by showing the options without it).
            response = new QuoteRatesResponse();
            response.Quotes.AddRange(packed.Select(pack => new ParcelQuote { Reference = pack.ParcelId, UnavailableReason = none.Status.Detail }));
        }

        var quotes = response.Quotes.ToDictionary(quote => quote.Reference, StringComparer.Ordinal);
        if (method == PaymentMethod.CashOnDelivery && cashOnDeliveryRefusals is not null
            && parcels.Any(parcel => !quotes.TryGetValue(parcel.Id, out var quote) || quote.Options.Count == 0))
        {
            // A preview: report the parcels no service level collects cash on delivery for, and show every option.
            foreach (var parcel in parcels.Where(parcel => !quotes.TryGetValue(parcel.Id, out var quote) || quote.Options.Count == 0))
            {
                cashOnDeliveryRefusals.Add(new PreconditionViolation("CASH_ON_DELIVERY_SHIPPING", $"parcels/{parcel.ProducerId}",
                    $"No shipping option collects cash on delivery for the parcel of {DisplayName(parcel)}."));
            }

            return await QuoteAsync(packed, parcels, producerFacts, destination, PaymentMethod.Unspecified, currency, null, cancellationToken);
        }

        foreach (var parcel in parcels)
        {
            if (!quotes.TryGetValue(parcel.Id, out var quote) || quote.Options.Count == 0)
            {
                var why = quote?.UnavailableReason is { Length: > 0 } reason ? reason : "no service level applies";
                throw method == PaymentMethod.CashOnDelivery
                    ? OrderErrors.Precondition(OrdersErrorReason.CashOnDeliveryNotAllowed,
                        $"No shipping option collects cash on delivery for the parcel of {DisplayName(parcel)} ({why}); choose another payment method.", "SHIPPING", $"parcels/{parcel.ProducerId}")
                    : OrderErrors.Precondition(OrdersErrorReason.ShippingOptionUnavailable,
                        $"The parcel of {DisplayName(parcel)} cannot be shipped to this address: {why}.", "SHIPPING", $"parcels/{parcel.ProducerId}");
            }
        }

        return quotes;
    }

    private static void CheckSelections(IReadOnlyList<ShippingSelection> selections, HashSet<string> producerIds)
    {
        var violations = new FieldViolations();
        for (var i = 0; i < selections.Count; i++)
        {
            if (!producerIds.Contains(selections[i].ProducerId))
            {
                violations.Add($"shipping_selections[{i}].producer_id", $"'{selections[i].ProducerId}' has no parcel in this cart.", OrderErrors.Reason(OrdersErrorReason.ShippingOptionUnavailable));
            }
            else if (selections.Take(i).Any(earlier => earlier.ProducerId == selections[i].ProducerId))
            {
                violations.Add($"shipping_selections[{i}].producer_id", $"'{selections[i].ProducerId}' is selected twice.");
            }
        }

        violations.ThrowIfAny(Domain);
    }

    private static ShippingOption Select(Parcel parcel, List<ShippingOption> options, IReadOnlyList<ShippingSelection> selections, PaymentMethod method)
    {
        var index = selections.ToList().FindIndex(selection => selection.ProducerId == parcel.ProducerId);
        if (index < 0)
        {
            return options.MinBy(option => option.Price.AmountMinor)!;
        }

        var chosen = options.Find(option => option.ServiceLevelId == selections[index].ServiceLevelId);
        if (chosen is null)
        {
            throw RpcErrors.InvalidArgument(Domain, [new FieldViolation($"shipping_selections[{index}].service_level_id",
                $"'{selections[index].ServiceLevelId}' is not offered for the parcel of {DisplayName(parcel)}{(method == PaymentMethod.CashOnDelivery ? " with cash on delivery" : string.Empty)}; offered: {string.Join(", ", options.Select(option => option.ServiceLevelId))}.",
                OrderErrors.Reason(OrdersErrorReason.ShippingOptionUnavailable))]);
        }

        return chosen;
    }

    private static ShippingOption Option(RateOption option) => new()
    {
        ServiceLevelId = option.ServiceLevelId,
        CarrierId = option.CarrierId,
        DisplayName = option.DisplayName ?? new LocalizedText(),
        Price = option.Total,
        DeliveryMinDays = option.DeliveryEstimate?.MinDays ?? 0,
        DeliveryMaxDays = option.DeliveryEstimate?.MaxDays ?? 0,
        CashOnDeliverySupported = option.CashOnDeliverySupported,
    };

    private static RpcException Unavailable(string service) =>
        RpcErrors.Unavailable(Domain, RpcErrors.DependencyUnavailableReason, $"The {service} service did not answer; nothing was ordered. Try again shortly.", TimeSpan.FromSeconds(1));

    private static string DisplayName(Parcel parcel) => parcel.ProducerName.Length > 0 ? parcel.ProducerName : $"producer '{parcel.ProducerId}'";

    private static string Format(long minor, string currency) => $"{minor / 100m:0.00} {currency}";

    private static Money Money(long minor, string currency) => new() { CurrencyCode = currency, AmountMinor = minor };
}
