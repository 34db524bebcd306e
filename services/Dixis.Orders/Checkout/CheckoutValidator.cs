using Dixis.Contracts.Common.V1;
using Dixis.Contracts.Orders.V1;
using Dixis.Orders.Model;
using Dixis.ServiceDefaults.Addresses;
using Dixis.ServiceDefaults.Grpc;

namespace Dixis.Orders.Checkout;

/// <summary>Checks a PlaceOrder or PreviewOrder request and reports every bad field at once, by its request path.</summary>
public sealed class CheckoutValidator
{
    private const int MaxEmailLength = 254;
    private const int MaxAddressIdLength = 64;

    public void Validate(PlaceOrderRequest request)
    {
        var violations = new FieldViolations();
        if (!Guid.TryParse(request.RequestId, out _))
        {
            violations.Add("request_id", request.RequestId.Length == 0
                ? "is required: a UUID generated once per checkout attempt, so a retry never orders twice."
                : "must be a UUID, e.g. '0b8f6f8e-4c1a-4d3e-9f00-2a7c1e5b9d41'.");
        }

        if (string.IsNullOrWhiteSpace(request.CartId))
        {
            violations.Add("cart_id", "is required.");
        }

        switch (request.DestinationCase)
        {
            case PlaceOrderRequest.DestinationOneofCase.AddressId:
                // The entry itself is read (and checked with ValidateSavedAddress) once the request is known to be sound.
                PostalAddressRules.Required(violations, "address_id", request.AddressId, MaxAddressIdLength);
                break;
            case PlaceOrderRequest.DestinationOneofCase.ShippingAddress:
                Address(violations, request.ShippingAddress, "shipping_address");
                break;
            default:
                violations.Add("shipping_address", "is required: where the parcels go.");
                break;
        }

        Method(violations, request.PaymentMethod);
        if (request.CustomerNote.Length > CheckoutOptions.MaxNoteLength)
        {
            violations.Add("customer_note", $"is {request.CustomerNote.Length} characters long; the maximum is {CheckoutOptions.MaxNoteLength}.");
        }

        if (request.ContactEmail.Length > 0 && (request.ContactEmail.Length > MaxEmailLength || !request.ContactEmail.Contains('@', StringComparison.Ordinal)))
        {
            violations.Add("contact_email", $"must be an email address of at most {MaxEmailLength} characters.");
        }

        if (request.ExpectedTotal is { } expected && (expected.AmountMinor < 0 || expected.CurrencyCode.Length != 3))
        {
            violations.Add("expected_total", "must be a non-negative amount with an ISO 4217 currency code, e.g. EUR.");
        }

        violations.ThrowIfAny(OrderErrors.Domain);
    }

    /// <summary>
    /// An address-book entry must make a parcel label like a typed address does (the address book's own rules are the
    /// Auth service's and may be looser); its faults are reported under <c>address_id</c>.
    /// </summary>
    public void ValidateSavedAddress(PostalAddress address)
    {
        var violations = new FieldViolations();
        Address(violations, address ?? new PostalAddress(), "address_id");
        violations.ThrowIfAny(OrderErrors.Domain);
    }

    public void Validate(PreviewOrderRequest request)
    {
        var violations = new FieldViolations();
        if (string.IsNullOrWhiteSpace(request.CartId))
        {
            violations.Add("cart_id", "is required.");
        }

        if (request.ShippingAddress is null || string.IsNullOrWhiteSpace(request.ShippingAddress.PostalCode))
        {
            violations.Add("shipping_address.postal_code", "is required: the parcels are quoted for it.");
        }

        if (request.PaymentMethod != PaymentMethod.Unspecified)
        {
            Method(violations, request.PaymentMethod);
        }

        violations.ThrowIfAny(OrderErrors.Domain);
    }

    private static void Method(FieldViolations violations, PaymentMethod method)
    {
        if (method == PaymentMethod.Unspecified || !System.Enum.IsDefined(method))
        {
            violations.Add("payment_method", "is required: PAYMENT_METHOD_CARD, PAYMENT_METHOD_CASH_ON_DELIVERY or PAYMENT_METHOD_BANK_TRANSFER.");
        }
    }

    /// <summary>
    /// What a parcel label needs (<see cref="PostalAddressRules"/>, the rules the address book applies too). The postal
    /// code's shape is the Shipping service's to judge (it knows the zones): an unknown one is reported on
    /// <c>shipping_address.postal_code</c> when the parcels are quoted.
    /// </summary>
    private static void Address(FieldViolations violations, PostalAddress address, string prefix) =>
        PostalAddressRules.Validate(violations, address, prefix);
}
