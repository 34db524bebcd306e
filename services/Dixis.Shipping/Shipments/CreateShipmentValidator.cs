using System.Text.RegularExpressions;
using Dixis.Contracts.Common.V1;
using Dixis.Contracts.Shipping.V1;
using Dixis.ServiceDefaults.Grpc;

namespace Dixis.Shipping.Shipments;

/// <summary>Every bad field of a <c>CreateShipmentRequest</c> at once, as one INVALID_ARGUMENT.</summary>
public static partial class CreateShipmentValidator
{
    public static void Validate(CreateShipmentRequest request)
    {
        var violations = new FieldViolations();
        Id(violations, "order_id", request.OrderId);
        Id(violations, "parcel_id", request.ParcelId);
        Id(violations, "producer_id", request.ProducerId);
        Id(violations, "customer_user_id", request.CustomerUserId);
        Id(violations, "service_level_id", request.ServiceLevelId);
        if (string.IsNullOrEmpty(request.RequestId))
        {
            violations.Add("request_id", "is required: '<order_id>/<parcel_id>'.");
        }
        else if (!violations.Has("order_id") && !violations.Has("parcel_id") && request.RequestId != ShipmentRequestRecord.RequestIdOf(request.OrderId, request.ParcelId))
        {
            // One key per parcel makes "one shipment per parcel" hold by construction, whoever retries.
            violations.Add("request_id", $"must be '<order_id>/<parcel_id>', here '{ShipmentRequestRecord.RequestIdOf(request.OrderId, request.ParcelId)}'.");
        }

        Destination(violations, request.Destination);
        if (request.OriginPostalCode.Length > ShipmentLimits.MaxAddressFieldLength)
        {
            violations.Add("origin_postal_code", $"is longer than {ShipmentLimits.MaxAddressFieldLength} characters.");
        }

        if (request.WeightGrams is <= 0 or > ShipmentLimits.MaxWeightGrams)
        {
            violations.Add("weight_grams", $"must be between 1 and {ShipmentLimits.MaxWeightGrams:N0} grams.");
        }

        if (request.Dimensions is { } dimensions)
        {
            Dimension(violations, "dimensions.length_mm", dimensions.LengthMm);
            Dimension(violations, "dimensions.width_mm", dimensions.WidthMm);
            Dimension(violations, "dimensions.height_mm", dimensions.HeightMm);
        }

        Amount(violations, "declared_value", request.DeclaredValue);
        Amount(violations, "cash_on_delivery_amount", request.CashOnDeliveryAmount);
        violations.ThrowIfAny(ShipmentErrors.Domain);
    }

    /// <summary>An id of the shipment contract: required, at most <see cref="ShipmentLimits.MaxIdLength"/> characters of a safe set.</summary>
    internal static void Id(FieldViolations violations, string field, string value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            violations.Add(field, "is required.");
        }
        else if (value.Length > ShipmentLimits.MaxIdLength || !IdShape().IsMatch(value))
        {
            violations.Add(field, $"must be 1 to {ShipmentLimits.MaxIdLength} letters, digits, '.', '_', ':' or '-'.");
        }
    }

    private static void Destination(FieldViolations violations, PostalAddress? address)
    {
        if (address is null)
        {
            violations.Add("destination", "is required.");
            return;
        }

        if (!RegionCode().IsMatch(address.RegionCode))
        {
            violations.Add("destination.region_code", "is required: a two-letter CLDR region code such as 'GR'.");
        }

        Required(violations, "destination.postal_code", address.PostalCode);
        Required(violations, "destination.locality", address.Locality);
        Required(violations, "destination.recipient_name", address.RecipientName);
        Optional(violations, "destination.administrative_area", address.AdministrativeArea);
        Optional(violations, "destination.phone_number", address.PhoneNumber);
        Optional(violations, "destination.delivery_notes", address.DeliveryNotes);
        if (!address.AddressLines.Any(line => !string.IsNullOrWhiteSpace(line)))
        {
            violations.Add("destination.address_lines", "needs at least one line: street and number.");
        }
        else if (address.AddressLines.Count > ShipmentLimits.MaxAddressLines)
        {
            violations.Add("destination.address_lines", $"has {address.AddressLines.Count} lines; the maximum is {ShipmentLimits.MaxAddressLines}.");
        }
        else
        {
            for (var i = 0; i < address.AddressLines.Count; i++)
            {
                Optional(violations, $"destination.address_lines[{i}]", address.AddressLines[i]);
            }
        }
    }

    private static void Required(FieldViolations violations, string field, string value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            violations.Add(field, "is required.");
        }
        else
        {
            Optional(violations, field, value);
        }
    }

    private static void Optional(FieldViolations violations, string field, string value)
    {
        if (value.Length > ShipmentLimits.MaxAddressFieldLength)
        {
            violations.Add(field, $"is {value.Length} characters long; the maximum is {ShipmentLimits.MaxAddressFieldLength}.");
        }
    }

    private static void Dimension(FieldViolations violations, string field, int millimetres)
    {
        if (millimetres is < 0 or > ShipmentLimits.MaxDimensionMm)
        {
            violations.Add(field, $"must be between 0 (unknown) and {ShipmentLimits.MaxDimensionMm:N0} mm.");
        }
    }

    private static void Amount(FieldViolations violations, string field, Money? money)
    {
        if (money is null || (money.AmountMinor == 0 && money.CurrencyCode.Length == 0))
        {
            return;
        }

        if (!CurrencyCode().IsMatch(money.CurrencyCode))
        {
            violations.Add(field + ".currency_code", "must be a three-letter ISO 4217 code such as 'EUR'.");
        }

        if (money.AmountMinor < 0)
        {
            violations.Add(field + ".amount_minor", "must not be negative.");
        }
    }

    [GeneratedRegex("^[A-Za-z0-9._:-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex IdShape();

    [GeneratedRegex("^[A-Z]{2}$", RegexOptions.CultureInvariant)]
    private static partial Regex RegionCode();

    [GeneratedRegex("^[A-Z]{3}$", RegexOptions.CultureInvariant)]
    private static partial Regex CurrencyCode();
}
