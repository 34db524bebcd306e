using Dixis.Persistence.Transactions;
using Microsoft.Data.Sqlite;

namespace Dixis.Persistence.Sqlite;

/// <summary>
/// A SQLite transaction (BEGIN IMMEDIATE) on a dedicated connection. It holds the store's write lock from
/// begin to end, so the write lock of the database file is taken up front and never upgraded mid-way.
/// </summary>
internal sealed class SqliteUnitOfWork : ITransaction
{
    private readonly SqliteConnection connection;
    private readonly SqliteTransaction transaction;
    private readonly Action releaseWriteLock;
    private bool finished;

    private SqliteUnitOfWork(SqliteDocumentStore store, SqliteConnection connection, SqliteTransaction transaction, Action releaseWriteLock)
    {
        Store = store;
        this.connection = connection;
        this.transaction = transaction;
        this.releaseWriteLock = releaseWriteLock;
    }

    public SqliteDocumentStore Store { get; }

    public bool IsAtomic => true;

    /// <summary>Begins on a fresh connection; the caller already holds the write lock and hands over its release.</summary>
    public static SqliteUnitOfWork Begin(SqliteDocumentStore store, SqliteConnection connection, Action releaseWriteLock)
    {
        // Not deferred: BEGIN IMMEDIATE takes the file's write lock now, so the transaction never fails
        // half-way with SQLITE_BUSY when it first writes.
        var transaction = connection.BeginTransaction(System.Data.IsolationLevel.Serializable, deferred: false);
        return new SqliteUnitOfWork(store, connection, transaction, releaseWriteLock);
    }

    public Task<TResult> RunAsync<TResult>(Func<SqliteConnection, SqliteTransaction?, Task<TResult>> work)
    {
        ObjectDisposedException.ThrowIf(finished, this);
        return work(connection, transaction);
    }

    public async Task CommitAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(finished, this);
        try
        {
            await transaction.CommitAsync(cancellationToken);
        }
        finally
        {
            await FinishAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (finished)
        {
            return;
        }

        try
        {
            await transaction.RollbackAsync();
        }
        finally
        {
            // Even when rollback fails (a broken connection), the write lock must be released.
            await FinishAsync();
        }
    }

    private async Task FinishAsync()
    {
        finished = true;
        await transaction.DisposeAsync();
        await connection.DisposeAsync();
        releaseWriteLock();
    }
}
