using Dixis.Persistence.Outbox;

namespace Dixis.Persistence.Tests.Hosting;

/// <summary>Completes when the hosted dispatcher delivers a message to <see cref="ProbeHandler"/>.</summary>
public sealed class DeliveryProbe
{
    public TaskCompletionSource<OutboxEnvelope> Delivered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
