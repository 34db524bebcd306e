namespace Dixis.Orders.Carts;

/// <summary>
/// Where carts live: Redis when <c>ConnectionStrings:cache</c> is set, the service's document store otherwise. Every
/// write is conditional on the version read, so two tabs editing one cart never lose a line.
/// </summary>
public interface ICartStore
{
    /// <summary>The cart and its version, or null when there is none (or it expired).</summary>
    Task<StoredCart?> GetAsync(string cartId, CancellationToken cancellationToken);

    /// <summary>The id of the signed-in user's cart, or null when they have none.</summary>
    Task<string?> FindCustomerCartIdAsync(string customerUserId, CancellationToken cancellationToken);

    /// <summary>Stores a new cart at version 1.</summary>
    Task<StoredCart> CreateAsync(CartRecord cart, CancellationToken cancellationToken);

    /// <summary>Replaces the cart if it is still at <paramref name="expectedVersion"/>.</summary>
    /// <exception cref="Dixis.Persistence.Errors.ConcurrencyConflictException">Someone else changed the cart first.</exception>
    Task<StoredCart> ReplaceAsync(CartRecord cart, long expectedVersion, CancellationToken cancellationToken);

    /// <summary>Deletes the cart; true when there was one.</summary>
    Task<bool> DeleteAsync(string cartId, CancellationToken cancellationToken);
}

/// <summary>A cart with the version its next write must match.</summary>
public sealed record StoredCart(CartRecord Cart, long Version);
