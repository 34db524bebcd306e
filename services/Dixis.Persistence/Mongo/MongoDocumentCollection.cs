using Dixis.Persistence.Definitions;
using Dixis.Persistence.Documents;
using Dixis.Persistence.Errors;
using Dixis.Persistence.Queries;
using Dixis.Persistence.Transactions;
using MongoDB.Bson;
using MongoDB.Driver;

namespace Dixis.Persistence.Mongo;

/// <summary>
/// A collection of BSON documents <c>{ _id, _version, …body }</c>. Intended shard key: see
/// <see cref="CollectionDefinition.ShardKey"/> (default hashed <c>_id</c>).
/// </summary>
internal sealed class MongoDocumentCollection<T>(
    MongoDocumentStore store, CollectionDefinition<T> definition, MongoUnitOfWork? transaction) : IDocumentCollection<T>
{
    private readonly IMongoCollection<BsonDocument> collection = store.RawCollection(definition.Name);

    public string Name => definition.Name;

    private IClientSessionHandle? Session => transaction?.Session;

    public IDocumentCollection<T> In(ITransaction transaction) =>
        new MongoDocumentCollection<T>(store, definition, store.Own(transaction));

    public async Task<Document<T>?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        DocumentId.Validate(id);
        await store.InitializeAsync(cancellationToken);
        var found = await collection.FindFirstAsync(Session, ById(id), cancellationToken);
        return found is null ? null : ToDocument(found);
    }

    public async Task<Document<T>> InsertAsync(string id, T value, CancellationToken cancellationToken = default)
    {
        DocumentId.Validate(id);
        var document = MongoDocumentMapper.ToBson(id, 1, definition.Serializer.Serialize(value));
        await store.InitializeAsync(cancellationToken);
        await WriteAsync(id, () => collection.InsertAsync(Session, document, cancellationToken));
        return new Document<T>(id, 1, value);
    }

    public async Task<Document<T>> ReplaceAsync(string id, T value, long expectedVersion, CancellationToken cancellationToken = default)
    {
        DocumentId.Validate(id);
        var document = MongoDocumentMapper.ToBson(id, expectedVersion + 1, definition.Serializer.Serialize(value));
        await store.InitializeAsync(cancellationToken);
        var filter = new BsonDocument { { FieldPath.Id, id }, { FieldPath.Version, expectedVersion } };
        var result = await WriteAsync(id, () => collection.ReplaceAsync(Session, filter, document, cancellationToken));
        if (result.MatchedCount == 1)
        {
            return new Document<T>(id, expectedVersion + 1, value);
        }

        throw await ExistsAsync(id, cancellationToken)
            ? new ConcurrencyConflictException(Name, id, expectedVersion)
            : new DocumentNotFoundException(Name, id);
    }

    public async Task<bool> DeleteAsync(string id, long? expectedVersion = null, CancellationToken cancellationToken = default)
    {
        DocumentId.Validate(id);
        await store.InitializeAsync(cancellationToken);
        var filter = ById(id);
        if (expectedVersion is { } version)
        {
            filter.Add(FieldPath.Version, version);
        }

        var result = await collection.DeleteAsync(Session, filter, cancellationToken);
        if (result.DeletedCount == 1)
        {
            return true;
        }

        return expectedVersion is { } expected && await ExistsAsync(id, cancellationToken)
            ? throw new ConcurrencyConflictException(Name, id, expected)
            : false;
    }

    public async Task<bool> UpdateIfAsync(string id, Filter condition, Update update, CancellationToken cancellationToken = default)
    {
        DocumentId.Validate(id);
        ArgumentNullException.ThrowIfNull(condition);
        ArgumentNullException.ThrowIfNull(update);
        if (update.Changes.Count == 0)
        {
            throw new ArgumentException("The update changes no field.", nameof(update));
        }

        var rendered = MongoConditionalUpdate.Render(id, condition, update);
        await store.InitializeAsync(cancellationToken);
        var result = await WriteAsync(id, () => collection.UpdateAsync(Session, rendered.Filter, rendered.Update, cancellationToken));
        return result.MatchedCount == 1;
    }

    public async Task<Page<T>> QueryAsync(Query query, CancellationToken cancellationToken = default)
    {
        var plan = QueryPlan.Create(query, definition, store.Options.MaxPageSize);
        await store.InitializeAsync(cancellationToken);
        var sort = new BsonDocument(plan.Sort.Select(s => new BsonElement(s.Field, s.Descending ? -1 : 1)))
        {
            { FieldPath.Id, 1 },
        };
        var filter = plan.Filter is null ? new BsonDocument() : MongoFilterRenderer.Render(plan.Filter);

        // One extra document tells whether another page follows without a count.
        var found = await collection.Query(Session, filter).Sort(sort).Limit(plan.PageSize + 1).ToListAsync(cancellationToken);
        var page = found.Take(plan.PageSize).ToList();
        var items = page.Select(ToDocument).ToList();
        var next = found.Count > plan.PageSize
            ? plan.NextPageToken([.. plan.Sort.Select(s => MongoDocumentMapper.ScalarAt(page[^1], s.Field))], items[^1].Id)
            : null;
        return new Page<T>(items, next);
    }

    public async Task<long> CountAsync(Filter? filter, CancellationToken cancellationToken = default)
    {
        var plan = QueryPlan.Create(new Query { Filter = filter, PageSize = 1 }, definition, store.Options.MaxPageSize);
        await store.InitializeAsync(cancellationToken);
        return await collection.CountAsync(Session, plan.Filter is null ? new BsonDocument() : MongoFilterRenderer.Render(plan.Filter), cancellationToken);
    }

    private static BsonDocument ById(string id) => new(FieldPath.Id, id);

    private Document<T> ToDocument(BsonDocument document)
    {
        var (id, version, json) = MongoDocumentMapper.FromBson(document);
        return new Document<T>(id, version, definition.Serializer.Deserialize(json));
    }

    private async Task<bool> ExistsAsync(string id, CancellationToken cancellationToken) =>
        await collection.FindFirstAsync(Session, ById(id), cancellationToken) is not null;

    private async Task<TResult> WriteAsync<TResult>(string id, Func<Task<TResult>> write)
    {
        try
        {
            return await write();
        }
        catch (MongoException ex) when (MongoErrors.Translate(ex, Name, id) is { } translated)
        {
            throw translated;
        }
    }

    private async Task WriteAsync(string id, Func<Task> write) =>
        await WriteAsync(id, async () =>
        {
            await write();
            return true;
        });
}
