using Dixis.Persistence.Transactions;
using MongoDB.Driver;

namespace Dixis.Persistence.Mongo;

/// <summary>
/// A MongoDB session transaction (snapshot reads, majority commit) on a replica set or sharded cluster.
/// On a standalone server, which cannot run transactions, <see cref="Session"/> is null and each write
/// applies on its own as it is made (<see cref="IsAtomic"/> is false).
/// </summary>
internal sealed class MongoUnitOfWork(MongoDocumentStore store, IClientSessionHandle? session) : ITransaction
{
    private bool finished;

    public MongoDocumentStore Store { get; } = store;

    public IClientSessionHandle? Session
    {
        get
        {
            ObjectDisposedException.ThrowIf(finished, this);
            return session;
        }
    }

    public bool IsAtomic => session is not null;

    public static async Task<MongoUnitOfWork> BeginAsync(MongoDocumentStore store, IMongoClient client, bool atomic, CancellationToken cancellationToken)
    {
        if (!atomic)
        {
            return new MongoUnitOfWork(store, null);
        }

        var session = await client.StartSessionAsync(cancellationToken: cancellationToken);
        session.StartTransaction(new TransactionOptions(ReadConcern.Snapshot, ReadPreference.Primary, WriteConcern.WMajority));
        return new MongoUnitOfWork(store, session);
    }

    public async Task CommitAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(finished, this);
        try
        {
            if (session is not null)
            {
                await session.CommitTransactionAsync(cancellationToken);
            }
        }
        finally
        {
            finished = true;
            session?.Dispose();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (finished)
        {
            return;
        }

        finished = true;
        if (session is not null)
        {
            if (session.IsInTransaction)
            {
                await session.AbortTransactionAsync();
            }

            session.Dispose();
        }
    }
}
