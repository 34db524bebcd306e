using Dixis.Contracts.Shipping.V1;
using Dixis.ServiceDefaults.Grpc;
using Dixis.Shipping.Model;
using Grpc.Core;

namespace Dixis.Shipping.Rates;

/// <summary>The errors of rate tables and quotes, each with its reason from <c>dixis.shipping.v1.ErrorReason</c>.</summary>
public static class RateErrors
{
    public const string RateTableType = "dixis.shipping.v1.RateTable";

    private const string Domain = ShippingErrors.Domain;

    public static RpcException RateTableNotFound(string rateTableId) =>
        RpcErrors.NotFound(Domain, RpcErrors.NotFoundReason, RateTableType, rateTableId, $"Rate table '{rateTableId}' does not exist.");

    public static RpcException NoActiveRateTable(string regionCode) =>
        RpcErrors.FailedPrecondition(Domain, ShippingErrors.Reason(ErrorReason.NoActiveRateTable), $"No rate table is active for region '{regionCode}'.",
            [new PreconditionViolation("RATE_TABLE", $"regions/{regionCode}", "No rate table of the region is active: an administrator activates one.")]);

    public static RpcException RateTableActive(string rateTableId) =>
        RpcErrors.FailedPrecondition(Domain, ShippingErrors.Reason(ErrorReason.RateTableActive), $"Rate table '{rateTableId}' is active and cannot be deleted.",
            [new PreconditionViolation("STATE", $"rateTables/{rateTableId}", "Activate another table of the region first; this one is then retired and can be deleted.")]);

    public static RpcException PostalCodeInvalid(string field, string postalCode, string regionCode) =>
        RpcErrors.InvalidArgument(Domain, [new FieldViolation(field,
            $"'{Shorten(postalCode)}' is not a postal code of region '{regionCode}'.", ShippingErrors.Reason(ErrorReason.PostalCodeInvalid))]);

    public static RpcException PostalCodeNotServed(string postalCode, string regionCode) =>
        RpcErrors.FailedPrecondition(Domain, ShippingErrors.Reason(ErrorReason.PostalCodeNotServed), $"No shipping zone of region '{regionCode}' covers postal code '{postalCode}'.",
            [new PreconditionViolation("ZONE", $"postalCodes/{postalCode}", "No zone of the active rate table covers the postal code.")]);

    /// <summary>No parcel of a quote can be shipped: FAILED_PRECONDITION with the first parcel's reason and a violation per parcel.</summary>
    public static RpcException NothingQuotable(IReadOnlyList<ParcelQuote> quotes)
    {
        var violations = quotes.Select((quote, index) => new PreconditionViolation(quote.UnavailableReason, $"parcels[{index}]", Describe(quote))).ToList();
        return RpcErrors.FailedPrecondition(Domain, quotes[0].UnavailableReason, $"No parcel can be shipped: {violations[0].Description}", violations);
    }

    public static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";

    private static string Describe(ParcelQuote quote) => quote.UnavailableReason switch
    {
        "PARCEL_TOO_HEAVY" => $"The chargeable weight of {quote.ChargeableWeightGrams} g is above the maximum weight.",
        "CASH_ON_DELIVERY_NOT_SUPPORTED" => "No service level to the destination collects cash on delivery.",
        _ => "No service level is offered.",
    };
}
