using System.Collections.Concurrent;
using Dixis.Persistence.Outbox;

namespace Dixis.Persistence.Tests.Contract;

/// <summary>
/// An outbox handler that records deliveries. It fails as <c>failure</c> says for each call (1, 2, …; null delivers),
/// or, given a count, fails the first <c>failures</c> attempts as an unavailable carrier would.
/// </summary>
internal sealed class RecordingHandler(string messageType, Func<int, Exception?> failure) : IOutboxHandler
{
    private int calls;

    public RecordingHandler(string messageType, int failures = 0)
        : this(messageType, call => call <= failures ? new InvalidOperationException($"carrier unavailable (attempt {call})") : null)
    {
    }

    public string MessageType => messageType;

    public ConcurrentQueue<OutboxEnvelope> Delivered { get; } = new();

    public int Calls => calls;

    public Task HandleAsync(OutboxEnvelope message, CancellationToken cancellationToken)
    {
        if (failure(Interlocked.Increment(ref calls)) is { } error)
        {
            throw error;
        }

        Delivered.Enqueue(message);
        return Task.CompletedTask;
    }
}
