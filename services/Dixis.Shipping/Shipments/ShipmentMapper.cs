using System.Collections.Frozen;
using Dixis.Contracts.Common.V1;
using Dixis.Contracts.Shipping.V1;
using Dixis.Persistence.Documents;
using Google.Protobuf.WellKnownTypes;

namespace Dixis.Shipping.Shipments;

/// <summary>Stored shipments to and from the contract.</summary>
public static class ShipmentMapper
{
    private static readonly FrozenDictionary<ShipmentState, string> StateNames = ShipmentEnumNames.Of<ShipmentState>("ShipmentState", "SHIPMENT_STATE_");

    /// <summary>The state as the contract spells it without its prefix, e.g. <c>LABEL_CREATED</c>.</summary>
    public static string Name(ShipmentState state) => StateNames.TryGetValue(state, out var name) ? name : state.ToString();

    public static Shipment ToContract(Document<ShipmentRecord> document)
    {
        var record = document.Value;
        var shipment = new Shipment
        {
            Id = document.Id,
            OrderId = record.OrderId,
            ParcelId = record.ParcelId,
            ProducerId = record.ProducerId,
            CustomerUserId = record.CustomerUserId,
            CarrierId = record.CarrierId,
            ServiceLevelId = record.ServiceLevelId,
            TrackingNumber = record.TrackingNumber,
            TrackingUri = record.TrackingUri,
            State = record.State,
            Destination = ToContract(record.Destination),
            OriginPostalCode = record.OriginPostalCode,
            WeightGrams = record.WeightGrams,
            Dimensions = record.Dimensions is { } dimensions ? new Dimensions { LengthMm = dimensions.LengthMm, WidthMm = dimensions.WidthMm, HeightMm = dimensions.HeightMm } : null,
            DeclaredValue = ToContract(record.DeclaredValue),
            CashOnDeliveryAmount = ToContract(record.CashOnDeliveryAmount),
            CreateTime = Time(record.CreateTimeMs),
            UpdateTime = Time(record.UpdateTimeMs),
            ShipTime = record.ShipTimeMs is { } ship ? Time(ship) : null,
            DeliverTime = record.DeliverTimeMs is { } deliver ? Time(deliver) : null,
            EstimatedDeliveryStartTime = Time(record.EstimatedDeliveryStartMs),
            EstimatedDeliveryEndTime = Time(record.EstimatedDeliveryEndMs),
        };
        return shipment;
    }

    public static ShipmentAddressRecord FromContract(PostalAddress address) => new(
        address.RegionCode,
        address.PostalCode,
        address.Locality.Trim(),
        address.AdministrativeArea.Trim(),
        [.. address.AddressLines.Select(line => line.Trim()).Where(line => line.Length > 0)],
        address.RecipientName.Trim(),
        address.PhoneNumber.Trim(),
        address.DeliveryNotes.Trim());

    public static PostalAddress ToContract(ShipmentAddressRecord address)
    {
        var contract = new PostalAddress
        {
            RegionCode = address.RegionCode,
            PostalCode = address.PostalCode,
            Locality = address.Locality,
            AdministrativeArea = address.AdministrativeArea,
            RecipientName = address.RecipientName,
            PhoneNumber = address.PhoneNumber,
            DeliveryNotes = address.DeliveryNotes,
        };
        contract.AddressLines.AddRange(address.AddressLines);
        return contract;
    }

    public static MoneyRecord? FromContract(Money? money) =>
        money is null || (money.AmountMinor == 0 && string.IsNullOrEmpty(money.CurrencyCode)) ? null : new MoneyRecord(money.CurrencyCode, money.AmountMinor);

    public static Money? ToContract(MoneyRecord? money) =>
        money is null ? null : new Money { CurrencyCode = money.CurrencyCode, AmountMinor = money.AmountMinor };

    public static Timestamp Time(long unixMilliseconds) => Timestamp.FromDateTimeOffset(DateTimeOffset.FromUnixTimeMilliseconds(unixMilliseconds));
}
