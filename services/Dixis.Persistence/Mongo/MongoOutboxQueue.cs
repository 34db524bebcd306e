using Dixis.Persistence.Outbox;
using MongoDB.Bson;
using MongoDB.Driver;

namespace Dixis.Persistence.Mongo;

/// <summary>Claims due outbox documents one FindOneAndUpdate at a time, so two dispatchers never claim the same one.</summary>
internal sealed class MongoOutboxQueue(MongoDocumentStore store) : IOutboxQueue
{
    private IMongoCollection<BsonDocument> Outbox => store.RawCollection(MongoDocumentStore.OutboxCollection);

    public async Task<IReadOnlyList<OutboxEnvelope>> ClaimAsync(
        string owner, int maxCount, DateTimeOffset now, DateTimeOffset leaseUntil, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxCount, 1);
        await store.InitializeAsync(cancellationToken);
        var nowMs = now.ToUnixTimeMilliseconds();
        var filter = new BsonDocument
        {
            { "completedAt", BsonNull.Value },
            { "dueAt", new BsonDocument("$lte", nowMs) },
            { "$or", new BsonArray { new BsonDocument("leaseUntil", BsonNull.Value), new BsonDocument("leaseUntil", new BsonDocument("$lte", nowMs)) } },
        };
        var update = new BsonDocument
        {
            { "$set", new BsonDocument { { "leaseOwner", owner }, { "leaseUntil", leaseUntil.ToUnixTimeMilliseconds() } } },
            { "$inc", new BsonDocument("attempts", 1) },
        };
        var options = new FindOneAndUpdateOptions<BsonDocument>
        {
            Sort = new BsonDocument { { "dueAt", 1 }, { "_id", 1 } },
            ReturnDocument = ReturnDocument.After,
        };

        var claimed = new List<OutboxEnvelope>();
        while (claimed.Count < maxCount)
        {
            var document = await Outbox.FindOneAndUpdateAsync<BsonDocument>(filter, update, options, cancellationToken);
            if (document is null)
            {
                break;
            }

            claimed.Add(new OutboxEnvelope(
                document["_id"].AsString,
                document["type"].AsString,
                document["payload"].AsBsonBinaryData.Bytes,
                document["attempts"].ToInt32(),
                DateTimeOffset.FromUnixTimeMilliseconds(document["enqueuedAt"].ToInt64())));
        }

        return claimed;
    }

    public Task CompleteAsync(string id, string owner, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        SettleAsync(id, owner, new BsonDocument
        {
            { "completedAt", now.ToUnixTimeMilliseconds() },
            { "leaseOwner", BsonNull.Value },
            { "leaseUntil", BsonNull.Value },
        }, cancellationToken);

    public Task RescheduleAsync(string id, string owner, DateTimeOffset dueAt, string error, CancellationToken cancellationToken = default) =>
        SettleAsync(id, owner, new BsonDocument
        {
            { "dueAt", dueAt.ToUnixTimeMilliseconds() },
            { "lastError", error },
            { "leaseOwner", BsonNull.Value },
            { "leaseUntil", BsonNull.Value },
        }, cancellationToken);

    public async Task<long> PurgeCompletedAsync(DateTimeOffset completedBefore, CancellationToken cancellationToken = default)
    {
        await store.InitializeAsync(cancellationToken);
        var result = await Outbox.DeleteManyAsync(
            new BsonDocument("completedAt", new BsonDocument("$lt", completedBefore.ToUnixTimeMilliseconds())), cancellationToken);
        return result.DeletedCount;
    }

    public async Task<OutboxEntryState?> FindAsync(string id, CancellationToken cancellationToken = default)
    {
        await store.InitializeAsync(cancellationToken);
        var document = await Outbox.FindFirstAsync(null, new BsonDocument("_id", id), cancellationToken);
        return document is null
            ? null
            : new OutboxEntryState(
                id,
                document["type"].AsString,
                document["attempts"].ToInt32(),
                DateTimeOffset.FromUnixTimeMilliseconds(document["dueAt"].ToInt64()),
                document["completedAt"].IsBsonNull ? null : DateTimeOffset.FromUnixTimeMilliseconds(document["completedAt"].ToInt64()),
                document["lastError"].IsBsonNull ? null : document["lastError"].AsString);
    }

    // Only the lease owner settles: after an expired lease another dispatcher owns the message.
    private Task SettleAsync(string id, string owner, BsonDocument set, CancellationToken cancellationToken) =>
        Outbox.UpdateOneAsync(
            new BsonDocument { { "_id", id }, { "leaseOwner", owner } },
            new BsonDocument("$set", set),
            cancellationToken: cancellationToken);
}
