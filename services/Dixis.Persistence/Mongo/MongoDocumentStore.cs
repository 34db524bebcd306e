using Dixis.Persistence.Definitions;
using Dixis.Persistence.Documents;
using Dixis.Persistence.Idempotency;
using Dixis.Persistence.Outbox;
using Dixis.Persistence.Transactions;
using MongoDB.Bson;
using MongoDB.Driver;

namespace Dixis.Persistence.Mongo;

/// <summary>
/// The MongoDB adapter: one database per service, majority write concern, retryable writes, indexes for
/// declared fields created at start, and session transactions when the server is a replica set or a
/// sharded cluster. On a standalone server transactions are not available: units of work then apply each
/// write as it is made (documented fallback, <see cref="ITransaction.IsAtomic"/> is false), while single-document
/// operations, including conditional updates, stay atomic.
/// </summary>
public sealed class MongoDocumentStore : IDocumentStore
{
    public const string EngineName = "mongo";
    internal const string OutboxCollection = "_outbox";
    internal const string IdempotencyCollection = "_idempotency";

    private readonly MongoClient client;
    private readonly DocumentCollectionCache collections;
    private readonly RetryableInitialization initialization;

    /// <param name="connectionString">A MongoDB URI (<c>ConnectionStrings:mongo</c>).</param>
    /// <param name="definition">The service's declared collections.</param>
    /// <param name="options">Paging limits, outbox and idempotency settings.</param>
    /// <param name="timeProvider">The clock for outbox and idempotency times.</param>
    /// <param name="databaseName">The database; default the service name (tests pass a unique one).</param>
    public MongoDocumentStore(
        string connectionString, DocumentStoreDefinition definition, PersistenceOptions options, TimeProvider timeProvider, string? databaseName = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        Definition = definition ?? throw new ArgumentNullException(nameof(definition));
        Options = options ?? throw new ArgumentNullException(nameof(options));
        TimeProvider = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        var settings = MongoClientSettings.FromConnectionString(connectionString);
        settings.RetryWrites = true;
        settings.RetryReads = true;
        settings.WriteConcern = WriteConcern.WMajority;
        client = new MongoClient(settings);
        Database = client.GetDatabase(databaseName ?? definition.ServiceName);
        Outbox = new MongoOutbox(this, null);
        Idempotency = new MongoIdempotencyStore(this, null);
        OutboxQueue = new MongoOutboxQueue(this);
        collections = new DocumentCollectionCache(definition);
        initialization = new RetryableInitialization(CreateIndexesAsync);
    }

    public string Engine => EngineName;

    public DocumentStoreDefinition Definition { get; }

    public IOutbox Outbox { get; }

    public IIdempotencyStore Idempotency { get; }

    public IOutboxQueue OutboxQueue { get; }

    /// <summary>True once initialization found a replica set or sharded cluster.</summary>
    public bool SupportsTransactions { get; private set; }

    internal IMongoDatabase Database { get; }

    internal PersistenceOptions Options { get; }

    internal TimeProvider TimeProvider { get; }

    public IDocumentCollection<T> Collection<T>(string name) =>
        collections.GetOrAdd<T, MongoDocumentStore>(name, static (definition, store) => new MongoDocumentCollection<T>(store, definition, null), this);

    public Task InitializeAsync(CancellationToken cancellationToken = default) => initialization.RunAsync(cancellationToken);

    public async Task<ITransaction> BeginTransactionAsync(CancellationToken cancellationToken = default)
    {
        await InitializeAsync(cancellationToken);
        return await MongoUnitOfWork.BeginAsync(this, client, SupportsTransactions, cancellationToken);
    }

    public Task PingAsync(CancellationToken cancellationToken = default) =>
        Database.RunCommandAsync<BsonDocument>(new BsonDocument("ping", 1), cancellationToken: cancellationToken);

    /// <summary>Drops this store's database (tests only clean up with it).</summary>
    public Task DropDatabaseAsync(CancellationToken cancellationToken = default) =>
        client.DropDatabaseAsync(Database.DatabaseNamespace.DatabaseName, cancellationToken);

    public ValueTask DisposeAsync()
    {
        client.Dispose();
        return ValueTask.CompletedTask;
    }

    internal IMongoCollection<BsonDocument> RawCollection(string name) => Database.GetCollection<BsonDocument>(name);

    internal MongoUnitOfWork Own(ITransaction transaction) =>
        transaction is MongoUnitOfWork own && ReferenceEquals(own.Store, this)
            ? own
            : throw new ArgumentException("The transaction was not begun by this store.", nameof(transaction));

    private async Task CreateIndexesAsync()
    {
        var hello = await Database.RunCommandAsync<BsonDocument>(new BsonDocument("hello", 1));
        SupportsTransactions = hello.Contains("setName") || hello.GetValue("msg", BsonNull.Value) == "isdbgrid";

        foreach (var collection in Definition.Collections)
        {
            var models = collection.Indexes.Select(index => new CreateIndexModel<BsonDocument>(
                new BsonDocument(index.Fields.Select(f => new BsonElement(f, 1))),
                new CreateIndexOptions<BsonDocument>
                {
                    Name = index.Name,
                    Unique = index.Unique,

                    // Unique only among documents that have the value, as SQLite treats NULLs as distinct.
                    PartialFilterExpression = index.Unique
                        ? new BsonDocument(index.Fields.Select(f => new BsonElement(f, new BsonDocument("$type", "string"))))
                        : null,
                })).ToList();
            var raw = RawCollection(collection.Name);
            if (models.Count > 0)
            {
                await raw.Indexes.CreateManyAsync(models);
            }
            else
            {
                // Transactions cannot always create collections implicitly; make sure each exists up front.
                await raw.Indexes.CreateOneAsync(new CreateIndexModel<BsonDocument>(new BsonDocument(Queries.FieldPath.Version, 1)));
            }
        }

        await RawCollection(OutboxCollection).Indexes.CreateOneAsync(new CreateIndexModel<BsonDocument>(
            new BsonDocument { { "completedAt", 1 }, { "dueAt", 1 } }, new CreateIndexOptions { Name = "ix__outbox_due" }));
        await RawCollection(IdempotencyCollection).Indexes.CreateOneAsync(new CreateIndexModel<BsonDocument>(
            new BsonDocument("expiresAtDate", 1), new CreateIndexOptions { Name = "ttl__idempotency", ExpireAfter = TimeSpan.Zero }));
    }
}
