using Dixis.Contracts.Shipping.V1;
using Dixis.ServiceDefaults.Grpc;
using Dixis.ServiceDefaults.Security;
using Dixis.Shipping.Model;
using Dixis.Shipping.RateTables;
using Microsoft.Extensions.Options;

namespace Dixis.Shipping.Rates;

/// <summary>
/// <c>QuoteRates</c> and <c>ResolveZone</c>: checks the request, finds the table (the region's active one, or a named one),
/// places the destination in a zone and prices each parcel (<see cref="ParcelPricing"/>). A parcel no service level can
/// carry (too heavy, or no cash on delivery) gets a quote without options and its <c>unavailable_reason</c>; when no
/// parcel of the request can be carried, the call fails FAILED_PRECONDITION with that reason, as the contract says.
/// </summary>
public sealed class RateQuotes(RateTableDirectory directory, IOptions<ShippingOptions> options)
{
    public const int MaxParcels = 50;

    private const string Domain = ShippingErrors.Domain;

    public async Task<QuoteRatesResponse> QuoteAsync(QuoteRatesRequest request, Caller caller, CancellationToken cancellationToken)
    {
        var violations = new FieldViolations();
        if (request.Parcels.Count is 0 or > MaxParcels)
        {
            violations.Add("parcels", $"must list 1 to {MaxParcels} parcels, not {request.Parcels.Count}.");
        }

        for (var i = 0; i < request.Parcels.Count && i < MaxParcels; i++)
        {
            CheckParcel(violations, $"parcels[{i}]", request.Parcels[i]);
        }

        var region = Region(violations, "destination_region_code", request.DestinationRegionCode);
        Required(violations, "destination_postal_code", request.DestinationPostalCode);
        violations.ThrowIfAny(Domain);

        var table = await TableAsync(region, request.RateTableId, caller, "destination_region_code", request.DestinationRegionCode.Length > 0, cancellationToken);
        foreach (var (parcel, index) in request.Parcels.Select((parcel, index) => (parcel, index)))
        {
            if (parcel.DeclaredValue is { } value && value.CurrencyCode != table.Table.CurrencyCode && (value.AmountMinor != 0 || value.CurrencyCode.Length > 0))
            {
                violations.Add($"parcels[{index}].declared_value.currency_code", $"must be the rate table's currency '{table.Table.CurrencyCode}'.");
            }
        }

        violations.ThrowIfAny(Domain);
        var destination = Place(table, request.DestinationPostalCode, "destination_postal_code");
        var response = new QuoteRatesResponse { RateTableId = table.Table.Id };
        response.Quotes.AddRange(request.Parcels.Select(parcel => ParcelPricing.Quote(table, destination, parcel, request.CashOnDelivery)));
        if (response.Quotes.All(quote => quote.Options.Count == 0))
        {
            throw RateErrors.NothingQuotable(response.Quotes);
        }

        return response;
    }

    public async Task<ResolveZoneResponse> ResolveZoneAsync(ResolveZoneRequest request, Caller caller, CancellationToken cancellationToken)
    {
        var violations = new FieldViolations();
        var region = Region(violations, "region_code", request.RegionCode);
        Required(violations, "postal_code", request.PostalCode);
        violations.ThrowIfAny(Domain);

        var table = await TableAsync(region, rateTableId: string.Empty, caller, "region_code", regionNamed: true, cancellationToken);
        var destination = Place(table, request.PostalCode, "postal_code");
        return new ResolveZoneResponse { ZoneId = destination.Zone.Id, ZoneDisplayName = destination.Zone.DisplayName?.Clone(), Remote = destination.Remote };
    }

    private static void CheckParcel(FieldViolations violations, string path, ParcelSpec parcel)
    {
        if (parcel.WeightGrams <= 0)
        {
            violations.Add($"{path}.weight_grams", "is required: the actual weight in grams, packaging included, above 0.");
        }

        if (parcel.Dimensions is { } size && (size.LengthMm < 0 || size.WidthMm < 0 || size.HeightMm < 0))
        {
            violations.Add($"{path}.dimensions", "must not be negative; 0 means unknown.");
        }

        if (parcel.DeclaredValue is { AmountMinor: < 0 })
        {
            violations.Add($"{path}.declared_value.amount_minor", "must not be negative.");
        }

        if (parcel.Reference.Length > 200)
        {
            violations.Add($"{path}.reference", "must be at most 200 characters.");
        }
    }

    private string Region(FieldViolations violations, string field, string requested)
    {
        if (requested.Length == 0)
        {
            return options.Value.DefaultRegionCode;
        }

        if (!RateTableValidator.IsRegionCode(requested))
        {
            violations.Add(field, $"'{RateErrors.Shorten(requested)}' is not a CLDR region code such as 'GR'.");
        }

        return requested;
    }

    private static void Required(FieldViolations violations, string field, string value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            violations.Add(field, "is required.");
        }
    }

    /// <summary>The active table of the region; or the named table, which only administrators may use unless it is the active one.</summary>
    private async Task<CompiledRateTable> TableAsync(string region, string rateTableId, Caller caller, string regionField, bool regionNamed, CancellationToken cancellationToken)
    {
        if (rateTableId.Length == 0)
        {
            return await directory.FindActiveAsync(region, cancellationToken) ?? throw RateErrors.NoActiveRateTable(region);
        }

        var table = await directory.FindAsync(rateTableId, cancellationToken);
        if (table is null || (table.Table.State != RateTableState.Active && !caller.IsAdmin))
        {
            // Drafts are not public: to anyone else, a draft's id names nothing.
            throw RateErrors.RateTableNotFound(rateTableId);
        }

        if (regionNamed && table.Table.RegionCode != region)
        {
            throw RpcErrors.InvalidField(Domain, regionField, $"rate table '{rateTableId}' prices region '{table.Table.RegionCode}', not '{region}'.");
        }

        return table;
    }

    private static ZoneMatch Place(CompiledRateTable table, string postalCode, string field)
    {
        var code = PostalCodes.Normalize(postalCode);
        if (code.Length > 32 || !table.IsWellFormed(code))
        {
            throw RateErrors.PostalCodeInvalid(field, postalCode, table.Table.RegionCode);
        }

        return table.Resolve(code) ?? throw RateErrors.PostalCodeNotServed(code, table.Table.RegionCode);
    }
}
