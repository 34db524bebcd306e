using Dixis.Auth.Model;
using Microsoft.Extensions.Options;

namespace Dixis.Auth.Passwords;

/// <summary>
/// Bounds concurrent Argon2id work: each hash holds 19 MiB and a core for tens of milliseconds, so a login flood
/// would otherwise exhaust memory and CPU. A few requests may wait for a slot; beyond that they fail at once with
/// RESOURCE_EXHAUSTED, so the service sheds load instead of queueing without bound.
/// </summary>
public sealed class PasswordHashingGate : IDisposable
{
    private readonly SemaphoreSlim slots;
    private readonly int maxQueued;
    private int waiting;

    public PasswordHashingGate(IOptions<PasswordOptions> options)
    {
        var configured = options.Value.MaxConcurrentHashes;
        Slots = configured > 0 ? configured : Environment.ProcessorCount;
        slots = new SemaphoreSlim(Slots, Slots);
        maxQueued = options.Value.MaxQueuedHashes;
    }

    /// <summary>How many hashes may run at once.</summary>
    public int Slots { get; }

    /// <summary>Runs <paramref name="work"/> in a slot.</summary>
    /// <exception cref="global::Grpc.Core.RpcException">RESOURCE_EXHAUSTED when every slot is busy and the wait queue is full.</exception>
    public async Task<T> RunAsync<T>(Func<T> work, CancellationToken cancellationToken)
    {
        if (!slots.Wait(0, CancellationToken.None))
        {
            if (Interlocked.Increment(ref waiting) > maxQueued)
            {
                Interlocked.Decrement(ref waiting);
                throw AuthErrors.PasswordHashingBusy();
            }

            try
            {
                await slots.WaitAsync(cancellationToken);
            }
            finally
            {
                Interlocked.Decrement(ref waiting);
            }
        }

        try
        {
            // Off the request's continuation so that the hash never runs on a thread the caller awaits synchronously.
            return await Task.Run(work, cancellationToken);
        }
        finally
        {
            slots.Release();
        }
    }

    public void Dispose() => slots.Dispose();
}
