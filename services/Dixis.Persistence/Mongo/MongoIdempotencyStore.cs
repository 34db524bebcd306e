using Dixis.Persistence.Idempotency;
using Dixis.Persistence.Transactions;
using MongoDB.Bson;
using MongoDB.Driver;

namespace Dixis.Persistence.Mongo;

/// <summary>
/// Idempotency records as documents keyed by the idempotency key; a TTL index removes expired ones.
/// Beginning is an insert, or a conditional takeover of an expired or stalled record, then a read.
/// </summary>
internal sealed class MongoIdempotencyStore(MongoDocumentStore store, MongoUnitOfWork? transaction) : IIdempotencyStore
{
    private IMongoCollection<BsonDocument> Records => store.RawCollection(MongoDocumentStore.IdempotencyCollection);

    private IClientSessionHandle? Session => transaction?.Session;

    public IIdempotencyStore In(ITransaction transaction) => new MongoIdempotencyStore(store, store.Own(transaction));

    public async Task<IdempotencyOutcome> TryBeginAsync(string key, string requestFingerprint, CancellationToken cancellationToken = default)
    {
        IdempotencyKey.Validate(key);
        IdempotencyKey.ValidateFingerprint(requestFingerprint);
        await store.InitializeAsync(cancellationToken);
        var now = store.TimeProvider.GetUtcNow();
        var options = store.Options.Idempotency;
        var fresh = new BsonDocument
        {
            { "fingerprint", requestFingerprint },
            { "completed", false },
            { "response", BsonNull.Value },
            { "startedAt", now.ToUnixTimeMilliseconds() },
            { "expiresAt", (now + options.Retention).ToUnixTimeMilliseconds() },
            { "expiresAtDate", (now + options.Retention).UtcDateTime },
        };

        // Two rounds cover a record that the TTL monitor deletes between our insert and our read.
        for (var round = 0; round < 2; round++)
        {
            try
            {
                await Records.InsertAsync(Session, new BsonDocument("_id", key).AddRange(fresh), cancellationToken);
                return new IdempotencyOutcome(IdempotencyStatus.Started);
            }
            catch (MongoException ex) when (MongoErrors.IsDuplicateKey(ex))
            {
                // The key exists: fall through to takeover or report.
            }

            var takeover = new BsonDocument
            {
                { "_id", key },
                {
                    "$or", new BsonArray
                    {
                        new BsonDocument("expiresAt", new BsonDocument("$lte", now.ToUnixTimeMilliseconds())),
                        new BsonDocument
                        {
                            { "completed", false },
                            { "fingerprint", requestFingerprint },
                            { "startedAt", new BsonDocument("$lte", (now - options.InProgressTimeout).ToUnixTimeMilliseconds()) },
                        },
                    }
                },
            };
            var taken = await Records.UpdateAsync(Session, takeover, new BsonDocument("$set", fresh), cancellationToken);
            if (taken.MatchedCount == 1)
            {
                return new IdempotencyOutcome(IdempotencyStatus.Started);
            }

            var existing = await Records.FindFirstAsync(Session, new BsonDocument("_id", key), cancellationToken);
            if (existing is null)
            {
                continue;
            }

            if (existing["fingerprint"].AsString != requestFingerprint)
            {
                return new IdempotencyOutcome(IdempotencyStatus.Conflict);
            }

            return existing["completed"].AsBoolean
                ? new IdempotencyOutcome(IdempotencyStatus.Completed, existing["response"].IsBsonNull ? [] : existing["response"].AsBsonBinaryData.Bytes)
                : new IdempotencyOutcome(IdempotencyStatus.InProgress);
        }

        throw new InvalidOperationException($"Idempotency record '{key}' kept vanishing while it was being begun.");
    }

    public async Task CompleteAsync(string key, byte[] response, CancellationToken cancellationToken = default)
    {
        IdempotencyKey.Validate(key);
        ArgumentNullException.ThrowIfNull(response);
        await store.InitializeAsync(cancellationToken);
        var result = await Records.UpdateAsync(
            Session,
            new BsonDocument { { "_id", key }, { "completed", false } },
            new BsonDocument("$set", new BsonDocument { { "completed", true }, { "response", new BsonBinaryData(response) } }),
            cancellationToken);
        if (result.MatchedCount != 1)
        {
            throw new InvalidOperationException($"Idempotency key '{key}' is not in progress: it was never begun, or is already completed.");
        }
    }

    public async Task<long> PurgeExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        // The TTL index does this too, but only about once a minute and by the server's clock.
        await store.InitializeAsync(cancellationToken);
        var filter = new BsonDocument("expiresAt", new BsonDocument("$lte", now.ToUnixTimeMilliseconds()));
        var result = Session is null
            ? await Records.DeleteManyAsync(filter, cancellationToken)
            : await Records.DeleteManyAsync(Session, filter, cancellationToken: cancellationToken);
        return result.DeletedCount;
    }

    public async Task AbandonAsync(string key, CancellationToken cancellationToken = default)
    {
        IdempotencyKey.Validate(key);
        await store.InitializeAsync(cancellationToken);
        await Records.DeleteAsync(Session, new BsonDocument { { "_id", key }, { "completed", false } }, cancellationToken);
    }
}
