namespace Dixis.Bench.Load;

/// <summary>
/// A load whose every request differs (an idempotency key, a cart of its own), so h2load and wrk, which replay fixed
/// bytes, cannot drive it: the harness's own gRPC client does, one call in flight per worker.
/// </summary>
public interface IClientWorkload : IAsyncDisposable
{
    /// <summary>Readies what one measurement with <paramref name="settings"/> consumes (e.g. filled carts); setup, not measured.</summary>
    Task PrepareAsync(LoadSettings settings, CancellationToken cancellationToken);

    /// <summary>One measured operation of worker <paramref name="worker"/>; throws when it fails.</summary>
    Task ExecuteAsync(int worker, CancellationToken cancellationToken);
}
