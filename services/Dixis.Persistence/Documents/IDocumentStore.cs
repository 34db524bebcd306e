using Dixis.Persistence.Definitions;
using Dixis.Persistence.Idempotency;
using Dixis.Persistence.Outbox;
using Dixis.Persistence.Transactions;

namespace Dixis.Persistence.Documents;

/// <summary>One service's database: its declared collections, its outbox and its idempotency records.</summary>
public interface IDocumentStore : IAsyncDisposable
{
    /// <summary>The engine's name: <c>sqlite</c> or <c>mongo</c> (also the name of its health check).</summary>
    string Engine { get; }

    /// <summary>What the service declared: its name and collections.</summary>
    DocumentStoreDefinition Definition { get; }

    /// <summary>A declared collection.</summary>
    /// <exception cref="InvalidOperationException">No collection of that name and type was declared.</exception>
    IDocumentCollection<T> Collection<T>(string name);

    /// <summary>The durable outbox; messages enqueued through <see cref="IOutbox.In"/> commit with the transaction.</summary>
    IOutbox Outbox { get; }

    /// <summary>Idempotency records for requests that must not be applied twice.</summary>
    IIdempotencyStore Idempotency { get; }

    /// <summary>Where the outbox dispatcher claims due messages.</summary>
    IOutboxQueue OutboxQueue { get; }

    /// <summary>Creates the schema and indexes if needed. Idempotent; every operation also waits for it.</summary>
    Task InitializeAsync(CancellationToken cancellationToken = default);

    /// <summary>Starts a unit of work: writes made through <c>In(transaction)</c> views commit or roll back together.</summary>
    Task<ITransaction> BeginTransactionAsync(CancellationToken cancellationToken = default);

    /// <summary>Checks that the engine answers (used by the readiness health check).</summary>
    Task PingAsync(CancellationToken cancellationToken = default);
}
