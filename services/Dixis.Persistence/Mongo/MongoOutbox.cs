using Dixis.Persistence.Outbox;
using Dixis.Persistence.Transactions;
using MongoDB.Bson;

namespace Dixis.Persistence.Mongo;

/// <summary>Enqueues outbox documents, in the caller's session transaction when it has one.</summary>
internal sealed class MongoOutbox(MongoDocumentStore store, MongoUnitOfWork? transaction) : IOutbox
{
    public IOutbox In(ITransaction transaction) => new MongoOutbox(store, store.Own(transaction));

    public async Task<string> EnqueueAsync(OutboxMessage message, CancellationToken cancellationToken = default)
    {
        OutboxMessageValidator.Validate(message);
        await store.InitializeAsync(cancellationToken);
        var now = store.TimeProvider.GetUtcNow();
        var id = Guid.CreateVersion7(now).ToString("N");
        var document = new BsonDocument
        {
            { "_id", id },
            { "type", message.Type },
            { "payload", new BsonBinaryData(message.Payload) },
            { "enqueuedAt", now.ToUnixTimeMilliseconds() },
            { "dueAt", (message.NotBefore ?? now).ToUnixTimeMilliseconds() },
            { "attempts", 0 },
            { "leaseOwner", BsonNull.Value },
            { "leaseUntil", BsonNull.Value },
            { "completedAt", BsonNull.Value },
            { "lastError", BsonNull.Value },
            { "deadAt", BsonNull.Value },
        };
        await store.RawCollection(MongoDocumentStore.OutboxCollection).InsertAsync(transaction?.Session, document, cancellationToken);
        return id;
    }
}
