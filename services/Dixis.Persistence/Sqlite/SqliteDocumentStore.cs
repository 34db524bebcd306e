using Dixis.Persistence.Definitions;
using Dixis.Persistence.Documents;
using Dixis.Persistence.Idempotency;
using Dixis.Persistence.Outbox;
using Dixis.Persistence.Transactions;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;

namespace Dixis.Persistence.Sqlite;

/// <summary>
/// The embedded adapter: one SQLite file per service in WAL mode (readers never block the writer),
/// <c>synchronous=NORMAL</c> (durable at checkpoints, no fsync per commit), pooled connections, and an
/// in-process write lock so concurrent writers queue fairly instead of spinning on SQLITE_BUSY.
/// A background passive checkpoint every second moves the WAL's fsync off the request path, so a commit
/// rarely pays for an automatic checkpoint.
/// </summary>
public sealed class SqliteDocumentStore : IDocumentStore
{
    private readonly string connectionString;
    private readonly SemaphoreSlim writeLock = new(1, 1);
    private readonly DocumentCollectionCache collections;
    private readonly RetryableInitialization initialization;

    // Native handles that already carry this store's per-connection settings; a pooled connection reopens on the same
    // handle, so the settings are applied once per handle rather than once per request.
    private readonly ConditionalWeakTable<SQLitePCL.sqlite3, object> configuredHandles = [];
    private int disposed;
    private ITimer? checkpointTimer;
    private Task checkpoint = Task.CompletedTask;

    public SqliteDocumentStore(string filePath, DocumentStoreDefinition definition, PersistenceOptions options, TimeProvider timeProvider)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(filePath);
        FilePath = Path.GetFullPath(filePath);
        Definition = definition ?? throw new ArgumentNullException(nameof(definition));
        Options = options ?? throw new ArgumentNullException(nameof(options));
        TimeProvider = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = FilePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = (int)Math.Ceiling(options.BusyTimeout.TotalSeconds),
        }.ToString();
        Outbox = new SqliteOutbox(this, null);
        Idempotency = new SqliteIdempotencyStore(this, null);
        OutboxQueue = new SqliteOutboxQueue(this);
        collections = new DocumentCollectionCache(definition);
        initialization = new RetryableInitialization(CreateSchemaAsync);
    }

    public string Engine => "sqlite";

    /// <summary>The database file, <c>&lt;DataDirectory&gt;/&lt;service&gt;.db</c> when created through DI.</summary>
    public string FilePath { get; }

    public DocumentStoreDefinition Definition { get; }

    public IOutbox Outbox { get; }

    public IIdempotencyStore Idempotency { get; }

    public IOutboxQueue OutboxQueue { get; }

    internal PersistenceOptions Options { get; }

    internal TimeProvider TimeProvider { get; }

    public IDocumentCollection<T> Collection<T>(string name) =>
        collections.GetOrAdd<T, SqliteDocumentStore>(name, static (definition, store) => new SqliteDocumentCollection<T>(store, definition, null), this);

    public Task InitializeAsync(CancellationToken cancellationToken = default) => initialization.RunAsync(cancellationToken);

    public async Task<ITransaction> BeginTransactionAsync(CancellationToken cancellationToken = default)
    {
        await InitializeAsync(cancellationToken);
        await AcquireWriteLockAsync(cancellationToken);
        try
        {
            var connection = await OpenConnectionAsync(cancellationToken);
            return SqliteUnitOfWork.Begin(this, connection, () => writeLock.Release());
        }
        catch
        {
            writeLock.Release();
            throw;
        }
    }

    public async Task PingAsync(CancellationToken cancellationToken = default)
    {
        await InitializeAsync(cancellationToken);
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM sqlite_master";
        await command.ExecuteScalarAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 1)
        {
            return;
        }

        if (checkpointTimer is not null)
        {
            await checkpointTimer.DisposeAsync();
        }

        await checkpoint;

        // Wait for a running write so the file is not closed under it, then drop pooled handles:
        // after this the file can be moved, deleted or opened by a fresh store.
        await writeLock.WaitAsync(Options.BusyTimeout);
        using var connection = new SqliteConnection(connectionString);
        SqliteConnection.ClearPool(connection);
    }

    internal async Task<TResult> ReadAsync<TResult>(
        SqliteUnitOfWork? transaction, Func<SqliteConnection, SqliteTransaction?, Task<TResult>> work, CancellationToken cancellationToken)
    {
        await InitializeAsync(cancellationToken);
        if (transaction is not null)
        {
            return await transaction.RunAsync(work);
        }

        await using var connection = await OpenConnectionAsync(cancellationToken);
        return await work(connection, null);
    }

    internal async Task<TResult> WriteAsync<TResult>(
        SqliteUnitOfWork? transaction, Func<SqliteConnection, SqliteTransaction?, Task<TResult>> work, CancellationToken cancellationToken)
    {
        await InitializeAsync(cancellationToken);
        if (transaction is not null)
        {
            return await transaction.RunAsync(work);
        }

        await AcquireWriteLockAsync(cancellationToken);
        try
        {
            await using var connection = await OpenConnectionAsync(cancellationToken);
            return await work(connection, null);
        }
        finally
        {
            writeLock.Release();
        }
    }

    internal SqliteUnitOfWork Own(ITransaction transaction) =>
        transaction is SqliteUnitOfWork own && ReferenceEquals(own.Store, this)
            ? own
            : throw new ArgumentException("The transaction was not begun by this store.", nameof(transaction));

    private async Task AcquireWriteLockAsync(CancellationToken cancellationToken)
    {
        if (!await writeLock.WaitAsync(Options.BusyTimeout, cancellationToken))
        {
            throw new TimeoutException(
                $"The write lock of '{Path.GetFileName(FilePath)}' was not free within {Options.BusyTimeout.TotalSeconds:0.#} s: a transaction is held too long, or a write outside the transaction was made while its own flow holds one.");
        }
    }

    private async Task<SqliteConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            if (connection.Handle is { } handle && !configuredHandles.TryGetValue(handle, out _))
            {
                await using var pragmas = connection.CreateCommand();
                pragmas.CommandText = $"PRAGMA busy_timeout = {(int)Options.BusyTimeout.TotalMilliseconds}; PRAGMA synchronous = NORMAL;";
                await pragmas.ExecuteNonQueryAsync(cancellationToken);
                configuredHandles.AddOrUpdate(handle, handle);
            }

            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private async Task CreateSchemaAsync()
    {
        var directory = Path.GetDirectoryName(FilePath);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        await using var connection = await OpenConnectionAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();

        // WAL is a property of the file: set once, kept across connections and restarts.
        command.CommandText = "PRAGMA journal_mode = WAL;\n" + SqliteSchema.Create(Definition);
        await command.ExecuteNonQueryAsync(CancellationToken.None);

        // Immediate: another process opening the same file (a service and the outbox tool) upgrades it once, not twice.
        await using (var upgrade = connection.BeginTransaction(System.Data.IsolationLevel.Serializable, deferred: false))
        {
            await SqliteSchema.UpgradeAsync(connection, upgrade, CancellationToken.None);
            await upgrade.CommitAsync(CancellationToken.None);
        }

        // One-shot, re-armed after each checkpoint: a clock that jumps ahead (a test's fake clock) fires it
        // once, not once per elapsed period.
        checkpointTimer ??= TimeProvider.CreateTimer(_ => StartCheckpoint(), null, CheckpointInterval, Timeout.InfiniteTimeSpan);
    }

    private static TimeSpan CheckpointInterval => TimeSpan.FromSeconds(1);

    private void StartCheckpoint()
    {
        if (checkpoint.IsCompleted && Volatile.Read(ref disposed) == 0)
        {
            checkpoint = CheckpointAsync();
        }
    }

    private async Task CheckpointAsync()
    {
        try
        {
            await using var connection = await OpenConnectionAsync(CancellationToken.None);
            await using var command = connection.CreateCommand();

            // PASSIVE never waits for readers or writers; whatever it cannot copy now it copies next time,
            // and SQLite's own auto-checkpoint stays as the backstop.
            command.CommandText = "PRAGMA wal_checkpoint(PASSIVE)";
            await command.ExecuteNonQueryAsync(CancellationToken.None);
        }
        catch (Exception ex) when (ex is SqliteException or IOException or ObjectDisposedException)
        {
            // Best effort by design: a failed background checkpoint is retried on the next tick.
        }

        try
        {
            if (Volatile.Read(ref disposed) == 0)
            {
                checkpointTimer?.Change(CheckpointInterval, Timeout.InfiniteTimeSpan);
            }
        }
        catch (ObjectDisposedException)
        {
            // The store was disposed meanwhile: no more checkpoints.
        }
    }
}
