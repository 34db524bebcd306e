namespace Dixis.Orders.Carts;

/// <summary>
/// Serializes the read-modify-write of one cart within this replica (striped by cart id), so parallel changes of one
/// cart queue up instead of all but one losing the version check and retrying. Across replicas the version check
/// still decides; this only keeps the retries rare.
/// </summary>
public sealed class CartLocks : IDisposable
{
    private readonly SemaphoreSlim[] stripes = Enumerable.Range(0, 64).Select(_ => new SemaphoreSlim(1, 1)).ToArray();

    public async Task<IDisposable> AcquireAsync(string cartId, CancellationToken cancellationToken)
    {
        var stripe = stripes[(int)((uint)StringComparer.Ordinal.GetHashCode(cartId) % (uint)stripes.Length)];
        await stripe.WaitAsync(cancellationToken);
        return new Release(stripe);
    }

    public void Dispose()
    {
        foreach (var stripe in stripes)
        {
            stripe.Dispose();
        }
    }

    private sealed class Release(SemaphoreSlim stripe) : IDisposable
    {
        private int released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref released, 1) == 0)
            {
                stripe.Release();
            }
        }
    }
}
