using Dixis.Persistence.Outbox;
using MongoDB.Bson;
using MongoDB.Driver;

namespace Dixis.Persistence.Mongo;

/// <summary>
/// Claims due outbox documents one FindOneAndUpdate at a time, so two dispatchers never claim the same one. Dead letters
/// have the due time <see cref="OutboxDeadLetters.NeverDue"/>, which no claim reaches.
/// </summary>
internal sealed class MongoOutboxQueue(MongoDocumentStore store) : IOutboxQueue
{
    private static readonly long NeverDue = OutboxDeadLetters.NeverDue.ToUnixTimeMilliseconds();

    // Everything but the payload, which can be up to 1 MiB and is not part of a message's state.
    private static readonly BsonDocument StateProjection = new("payload", 0);

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

    public async Task<bool> DeadLetterAsync(string id, string owner, DateTimeOffset now, string error, CancellationToken cancellationToken = default)
    {
        var result = await SettleAsync(id, owner, DeadLetterUpdate(now, error), cancellationToken);
        return result.ModifiedCount == 1;
    }

    public async Task<long> CountDeadLettersAsync(CancellationToken cancellationToken = default)
    {
        await store.InitializeAsync(cancellationToken);
        return await Outbox.CountDocumentsAsync(DeadLetterFilter(), cancellationToken: cancellationToken);
    }

    public async Task<IReadOnlyList<OutboxEntryState>> ListDeadLettersAsync(int maxCount, string? type = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxCount, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxCount, OutboxDeadLetters.MaxListCount);
        await store.InitializeAsync(cancellationToken);
        var filter = DeadLetterFilter();
        if (type is not null)
        {
            filter.Add("type", type);
        }

        var documents = await Outbox.Find(filter)
            .Project(StateProjection)
            .Sort(new BsonDocument { { "deadAt", 1 }, { "_id", 1 } })
            .Limit(maxCount)
            .ToListAsync(cancellationToken);
        return [.. documents.Select(ReadState)];
    }

    public async Task<bool> RequeueDeadLetterAsync(string id, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await store.InitializeAsync(cancellationToken);
        var filter = DeadLetterFilter();
        filter.Add("_id", id);
        var result = await Outbox.UpdateOneAsync(filter, RequeueUpdate(now), cancellationToken: cancellationToken);
        return result.ModifiedCount == 1;
    }

    public async Task<long> RequeueDeadLettersAsync(string type, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(type);
        await store.InitializeAsync(cancellationToken);
        var filter = DeadLetterFilter();
        filter.Add("type", type);
        var result = await Outbox.UpdateManyAsync(filter, RequeueUpdate(now), cancellationToken: cancellationToken);
        return result.ModifiedCount;
    }

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
        return document is null ? null : ReadState(document);
    }

    /// <summary>Dead letters: not delivered and due at the one time no claim reaches (served by the <c>(completedAt, dueAt)</c> index).</summary>
    internal static BsonDocument DeadLetterFilter() => new()
    {
        { "completedAt", BsonNull.Value },
        { "dueAt", NeverDue },
    };

    internal static BsonDocument DeadLetterUpdate(DateTimeOffset now, string error) => new()
    {
        { "dueAt", NeverDue },
        { "deadAt", now.ToUnixTimeMilliseconds() },
        { "lastError", error },
        { "leaseOwner", BsonNull.Value },
        { "leaseUntil", BsonNull.Value },
    };

    // A fresh budget of attempts: a requeued message that fails again transiently is retried MaxAttempts times, not once.
    internal static BsonDocument RequeueUpdate(DateTimeOffset now) =>
        new("$set", new BsonDocument { { "dueAt", now.ToUnixTimeMilliseconds() }, { "deadAt", BsonNull.Value }, { "attempts", 0 } });

    // Documents written before dead letters existed have no deadAt field: read it as absent.
    private static OutboxEntryState ReadState(BsonDocument document) =>
        new(
            document["_id"].AsString,
            document["type"].AsString,
            document["attempts"].ToInt32(),
            DateTimeOffset.FromUnixTimeMilliseconds(document["dueAt"].ToInt64()),
            OptionalTime(document, "completedAt"),
            document.GetValue("lastError", BsonNull.Value) is { IsBsonNull: false } error ? error.AsString : null,
            OptionalTime(document, "deadAt"));

    private static DateTimeOffset? OptionalTime(BsonDocument document, string field) =>
        document.GetValue(field, BsonNull.Value) is { IsBsonNull: false } value ? DateTimeOffset.FromUnixTimeMilliseconds(value.ToInt64()) : null;

    // Only the lease owner settles: after an expired lease another dispatcher owns the message.
    private Task<UpdateResult> SettleAsync(string id, string owner, BsonDocument set, CancellationToken cancellationToken) =>
        Outbox.UpdateOneAsync(
            new BsonDocument { { "_id", id }, { "leaseOwner", owner } },
            new BsonDocument("$set", set),
            cancellationToken: cancellationToken);
}
