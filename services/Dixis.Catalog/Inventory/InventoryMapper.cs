using Dixis.Catalog.Model;
using Dixis.Contracts.Catalog.V1;
using Dixis.Persistence.Documents;
using Google.Protobuf.WellKnownTypes;

namespace Dixis.Catalog.Inventory;

/// <summary>Stored stock, reservations and adjustments to contract messages.</summary>
public static class InventoryMapper
{
    public static StockLevel ToContract(Document<StockRecord> stock) => new()
    {
        Sku = stock.Id,
        OnHand = stock.Value.OnHand,
        Reserved = stock.Value.Reserved,
        Available = stock.Value.Available,
        ProducerId = stock.Value.ProducerId,
        UpdateTime = Time(stock.Value.UpdateTimeMs),
    };

    public static Reservation ToContract(Document<ReservationRecord> reservation)
    {
        var contract = new Reservation
        {
            OrderId = reservation.Id,
            State = reservation.Value.State,
            ExpireTime = Time(reservation.Value.ExpireTimeMs),
            CreateTime = Time(reservation.Value.CreateTimeMs),
            UpdateTime = Time(reservation.Value.UpdateTimeMs),
        };
        contract.Lines.AddRange(reservation.Value.Lines.Select(line => new ReservationLine { Sku = line.Sku, Quantity = line.Quantity }));
        return contract;
    }

    public static StockAdjustment ToContract(Document<StockAdjustmentRecord> adjustment) => new()
    {
        Id = adjustment.Id,
        Sku = adjustment.Value.Sku,
        Delta = adjustment.Value.Delta,
        Reason = adjustment.Value.Reason,
        Note = adjustment.Value.Note ?? string.Empty,
        OnHandAfter = adjustment.Value.OnHandAfter,
        ActorId = adjustment.Value.ActorId,
        CreateTime = Time(adjustment.Value.CreateTimeMs),
    };

    private static Timestamp Time(long unixMs) => Timestamp.FromDateTimeOffset(DateTimeOffset.FromUnixTimeMilliseconds(unixMs));
}
