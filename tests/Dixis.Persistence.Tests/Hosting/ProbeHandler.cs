using Dixis.Persistence.Outbox;

namespace Dixis.Persistence.Tests.Hosting;

/// <summary>A DI-constructed outbox handler, as a service would register one.</summary>
public sealed class ProbeHandler(DeliveryProbe probe) : IOutboxHandler
{
    public const string Type = "test.probe";

    public string MessageType => Type;

    public Task HandleAsync(OutboxEnvelope message, CancellationToken cancellationToken)
    {
        probe.Delivered.TrySetResult(message);
        return Task.CompletedTask;
    }
}
