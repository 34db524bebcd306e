using Dixis.Persistence.Idempotency;
using Dixis.Persistence.Transactions;
using Microsoft.Data.Sqlite;

namespace Dixis.Persistence.Sqlite;

/// <summary>Idempotency records as rows; beginning a key is one atomic upsert.</summary>
internal sealed class SqliteIdempotencyStore(SqliteDocumentStore store, SqliteUnitOfWork? transaction) : IIdempotencyStore
{
    private const string Table = SqliteSchema.IdempotencyTable;

    public IIdempotencyStore In(ITransaction transaction) => new SqliteIdempotencyStore(store, store.Own(transaction));

    public Task<IdempotencyOutcome> TryBeginAsync(string key, string requestFingerprint, CancellationToken cancellationToken = default)
    {
        IdempotencyKey.Validate(key);
        IdempotencyKey.ValidateFingerprint(requestFingerprint);
        var now = store.TimeProvider.GetUtcNow();
        var options = store.Options.Idempotency;
        return store.WriteAsync(transaction, async (connection, tx) =>
        {
            // Insert, or take over a record that expired or whose attempt (same request) stalled past the timeout.
            await using (var begin = connection.CreateCommand())
            {
                begin.Transaction = tx;
                begin.CommandText = $"""
                    INSERT INTO {Table} (key, fingerprint, completed, response, started_at, expires_at)
                    VALUES (@key, @fingerprint, 0, NULL, @now, @expires)
                    ON CONFLICT (key) DO UPDATE SET
                        fingerprint = excluded.fingerprint, completed = 0, response = NULL,
                        started_at = excluded.started_at, expires_at = excluded.expires_at
                    WHERE {Table}.expires_at <= @now
                       OR ({Table}.completed = 0 AND {Table}.fingerprint = excluded.fingerprint AND {Table}.started_at <= @stalled)
                    """;
                begin.Parameters.AddWithValue("@key", key);
                begin.Parameters.AddWithValue("@fingerprint", requestFingerprint);
                begin.Parameters.AddWithValue("@now", now.ToUnixTimeMilliseconds());
                begin.Parameters.AddWithValue("@expires", (now + options.Retention).ToUnixTimeMilliseconds());
                begin.Parameters.AddWithValue("@stalled", (now - options.InProgressTimeout).ToUnixTimeMilliseconds());
                if (await begin.ExecuteNonQueryAsync(cancellationToken) == 1)
                {
                    return new IdempotencyOutcome(IdempotencyStatus.Started);
                }
            }

            await using var read = KeyCommand(connection, tx, $"SELECT fingerprint, completed, response FROM {Table} WHERE key = @key", key);
            await using var reader = await read.ExecuteReaderAsync(cancellationToken);
            if (!await reader.ReadAsync(cancellationToken))
            {
                throw new InvalidOperationException($"Idempotency record '{key}' vanished while it was being begun.");
            }

            if (reader.GetString(0) != requestFingerprint)
            {
                return new IdempotencyOutcome(IdempotencyStatus.Conflict);
            }

            return reader.GetInt64(1) == 1
                ? new IdempotencyOutcome(IdempotencyStatus.Completed, reader.IsDBNull(2) ? [] : (byte[])reader.GetValue(2))
                : new IdempotencyOutcome(IdempotencyStatus.InProgress);
        }, cancellationToken);
    }

    public Task CompleteAsync(string key, byte[] response, CancellationToken cancellationToken = default)
    {
        IdempotencyKey.Validate(key);
        ArgumentNullException.ThrowIfNull(response);
        return store.WriteAsync(transaction, async (connection, tx) =>
        {
            await using var command = KeyCommand(
                connection, tx, $"UPDATE {Table} SET completed = 1, response = @response WHERE key = @key AND completed = 0", key);
            command.Parameters.AddWithValue("@response", response);
            return await command.ExecuteNonQueryAsync(cancellationToken) == 1
                ? 1
                : throw new InvalidOperationException($"Idempotency key '{key}' is not in progress: it was never begun, or is already completed.");
        }, cancellationToken);
    }

    public Task<long> PurgeExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken = default) =>
        store.WriteAsync(transaction, async (connection, tx) =>
        {
            await using var command = connection.CreateCommand();
            command.Transaction = tx;
            command.CommandText = $"DELETE FROM {Table} WHERE expires_at <= @now";
            command.Parameters.AddWithValue("@now", now.ToUnixTimeMilliseconds());
            return (long)await command.ExecuteNonQueryAsync(cancellationToken);
        }, cancellationToken);

    public Task AbandonAsync(string key, CancellationToken cancellationToken = default)
    {
        IdempotencyKey.Validate(key);
        return store.WriteAsync(transaction, async (connection, tx) =>
        {
            await using var command = KeyCommand(connection, tx, $"DELETE FROM {Table} WHERE key = @key AND completed = 0", key);
            return await command.ExecuteNonQueryAsync(cancellationToken);
        }, cancellationToken);
    }

    /// <summary>A statement on the one record <paramref name="key"/> names, enlisted in <paramref name="tx"/> when there is one.</summary>
    /// <remarks>The caller owns (and disposes) the command and adds any further parameters.</remarks>
    private static SqliteCommand KeyCommand(SqliteConnection connection, SqliteTransaction? tx, string sql, string key)
    {
        var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        command.Parameters.AddWithValue("@key", key);
        return command;
    }
}
