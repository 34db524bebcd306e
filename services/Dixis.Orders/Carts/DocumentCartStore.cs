using Dixis.Persistence.Definitions;
using Dixis.Persistence.Documents;
using Dixis.Persistence.Queries;

namespace Dixis.Orders.Carts;

/// <summary>
/// Carts in the service's document store (SQLite or MongoDB), when no Redis is configured. One document per cart; a
/// unique index on the owner means a signed-in user has one cart even when two tabs create it at once. Expired carts
/// are hidden at once and deleted by <see cref="CartSweeper"/>.
/// </summary>
public sealed class DocumentCartStore(IDocumentStore store, TimeProvider timeProvider) : ICartStore
{
    public const string CollectionName = "carts";

    private IDocumentCollection<CartRecord> Carts => store.Collection<CartRecord>(CollectionName);

    /// <summary>Declares the <c>carts</c> collection.</summary>
    public static void Declare(DocumentStoreBuilder builder) => builder.Collection<CartRecord>(CollectionName, carts => carts
        .UniqueIndex("customerUserId")
        .Index("expireTimeMs")
        .Json(CartJsonContext.Default.CartRecord));

    public async Task<StoredCart?> GetAsync(string cartId, CancellationToken cancellationToken)
    {
        var document = await Carts.GetAsync(cartId, cancellationToken);
        return document is null || IsExpired(document.Value) ? null : new StoredCart(document.Value, document.Version);
    }

    public async Task<string?> FindCustomerCartIdAsync(string customerUserId, CancellationToken cancellationToken)
    {
        var page = await Carts.QueryAsync(new Query { Filter = Filter.Eq("customerUserId", customerUserId), PageSize = 1 }, cancellationToken);
        return page.Items.Count == 0 || IsExpired(page.Items[0].Value) ? null : page.Items[0].Id;
    }

    public async Task<StoredCart> CreateAsync(CartRecord cart, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cart);
        if (cart.CustomerUserId is { } owner)
        {
            // An expired cart not yet swept still holds the owner's unique index entry.
            await DeleteExpiredOwnedByAsync(owner, cancellationToken);
        }

        var document = await Carts.InsertAsync(cart.Id, cart, cancellationToken);
        return new StoredCart(document.Value, document.Version);
    }

    public async Task<StoredCart> ReplaceAsync(CartRecord cart, long expectedVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cart);
        var document = await Carts.ReplaceAsync(cart.Id, cart, expectedVersion, cancellationToken);
        return new StoredCart(document.Value, document.Version);
    }

    public Task<bool> DeleteAsync(string cartId, CancellationToken cancellationToken) => Carts.DeleteAsync(cartId, cancellationToken: cancellationToken);

    /// <summary>Deletes carts that expired, a page at a time; a cart changed since it was read is left alone.</summary>
    public async Task<int> DeleteExpiredAsync(CancellationToken cancellationToken)
    {
        const int pageSize = 100;
        var deleted = 0;
        while (true)
        {
            var nowMs = timeProvider.GetUtcNow().ToUnixTimeMilliseconds();
            var due = await Carts.QueryAsync(new Query { Filter = Filter.Lte("expireTimeMs", nowMs), PageSize = pageSize }, cancellationToken);
            foreach (var cart in due.Items)
            {
                if (await TryDeleteAsync(cart, cancellationToken))
                {
                    deleted++;
                }
            }

            // Deleted carts no longer match, so the next query starts over; a short page means none are left.
            if (due.Items.Count < pageSize)
            {
                return deleted;
            }
        }
    }

    private bool IsExpired(CartRecord cart) => cart.ExpireTimeMs <= timeProvider.GetUtcNow().ToUnixTimeMilliseconds();

    private async Task DeleteExpiredOwnedByAsync(string owner, CancellationToken cancellationToken)
    {
        var page = await Carts.QueryAsync(new Query { Filter = Filter.Eq("customerUserId", owner), PageSize = 1 }, cancellationToken);
        if (page.Items.Count == 1 && IsExpired(page.Items[0].Value))
        {
            await TryDeleteAsync(page.Items[0], cancellationToken);
        }
    }

    private async Task<bool> TryDeleteAsync(Document<CartRecord> cart, CancellationToken cancellationToken)
    {
        try
        {
            return await Carts.DeleteAsync(cart.Id, cart.Version, cancellationToken);
        }
        catch (Persistence.Errors.ConcurrencyConflictException)
        {
            // Changed since it was read, so its expiry moved on: not expired any more.
            return false;
        }
    }
}
