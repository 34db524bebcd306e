using Dixis.Orders.Model;
using Dixis.Persistence.Outbox;

namespace Dixis.Orders.Orders;

/// <summary>
/// What a decision about an order wants stored with it in one unit of work: the (mutated) document, the effects on
/// other services, and refunds to create or update. <see cref="None"/> writes nothing (a repeated or stale request).
/// </summary>
public sealed class OrderChange
{
    public static OrderChange None { get; } = new() { Write = false };

    public bool Write { get; private init; } = true;

    public List<OutboxMessage> Effects { get; } = [];

    public List<(string Id, RefundDocument Refund)> NewRefunds { get; } = [];

    public List<(string Id, RefundDocument Refund, long Version)> ChangedRefunds { get; } = [];

    public static OrderChange With(params OutboxMessage[] effects)
    {
        var change = new OrderChange();
        change.Effects.AddRange(effects);
        return change;
    }
}
