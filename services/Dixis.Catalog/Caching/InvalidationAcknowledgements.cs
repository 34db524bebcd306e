using System.Collections.Concurrent;

namespace Dixis.Catalog.Caching;

/// <summary>
/// The invalidations this replica published and is waiting to hear back about: each other replica acknowledges
/// a message once it has dropped the tags from its own memory, so a write can return only after no replica can
/// still serve what it replaced. Acknowledgements may arrive before the publisher knows how many to expect (Redis
/// tells it only when the publish returns), so they are counted from the start.
/// </summary>
public sealed class InvalidationAcknowledgements
{
    private readonly ConcurrentDictionary<string, Pending> pending = new(StringComparer.Ordinal);

    /// <summary>Starts counting acknowledgements of <paramref name="messageId"/>; call before publishing it.</summary>
    public void Begin(string messageId) => pending[messageId] = new Pending();

    /// <summary>Completes once <paramref name="receivers"/> acknowledgements of <paramref name="messageId"/> have arrived.</summary>
    public Task UntilAcknowledgedAsync(string messageId, long receivers) =>
        pending.TryGetValue(messageId, out var waiting) ? waiting.Expect(receivers) : Task.CompletedTask;

    /// <summary>Stops waiting (done, or given up).</summary>
    public void End(string messageId) => pending.TryRemove(messageId, out _);

    /// <summary>One replica acknowledged <paramref name="messageId"/>.</summary>
    public void Acknowledged(string messageId)
    {
        if (pending.TryGetValue(messageId, out var waiting))
        {
            waiting.Received();
        }
    }

    private sealed class Pending
    {
        private readonly Lock gate = new();
        private readonly TaskCompletionSource done = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private long received;
        private long expected = -1;

        public Task Expect(long receivers)
        {
            lock (gate)
            {
                expected = receivers;
                if (received >= expected)
                {
                    done.TrySetResult();
                }
            }

            return done.Task;
        }

        public void Received()
        {
            lock (gate)
            {
                received++;
                if (expected >= 0 && received >= expected)
                {
                    done.TrySetResult();
                }
            }
        }
    }
}
