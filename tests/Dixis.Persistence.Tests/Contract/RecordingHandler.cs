using System.Collections.Concurrent;
using Dixis.Persistence.Outbox;

namespace Dixis.Persistence.Tests.Contract;

/// <summary>An outbox handler that records deliveries and fails the first <c>failures</c> attempts.</summary>
internal sealed class RecordingHandler(string messageType, int failures = 0) : IOutboxHandler
{
    private int calls;

    public string MessageType => messageType;

    public ConcurrentQueue<OutboxEnvelope> Delivered { get; } = new();

    public int Calls => calls;

    public Task HandleAsync(OutboxEnvelope message, CancellationToken cancellationToken)
    {
        if (Interlocked.Increment(ref calls) <= failures)
        {
            throw new InvalidOperationException($"carrier unavailable (attempt {message.Attempt})");
        }

        Delivered.Enqueue(message);
        return Task.CompletedTask;
    }
}
