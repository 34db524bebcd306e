namespace Dixis.Persistence.Transactions;

/// <summary>
/// A unit of work. Join it with <c>collection.In(transaction)</c>, <c>outbox.In(transaction)</c> and
/// <c>idempotency.In(transaction)</c>; disposing without <see cref="CommitAsync"/> rolls everything back.
/// Keep it short: on SQLite it holds the database's single write lock until it ends.
/// A transaction is not thread-safe; run its operations one after another.
/// </summary>
public interface ITransaction : IAsyncDisposable
{
    /// <summary>
    /// True when the writes commit atomically. False only on a standalone MongoDB server (no replica set),
    /// where writes are applied one by one as they are made and rollback cannot undo them.
    /// </summary>
    bool IsAtomic { get; }

    /// <summary>Makes every write of the unit of work durable at once.</summary>
    Task CommitAsync(CancellationToken cancellationToken = default);
}
