using Dixis.Persistence.Outbox;
using Microsoft.Data.Sqlite;

namespace Dixis.Persistence.Sqlite;

/// <summary>
/// Claims due outbox rows with one UPDATE … RETURNING, so two dispatchers never claim the same row. Dead letters have
/// the due time <see cref="OutboxDeadLetters.NeverDue"/>, which no claim reaches.
/// </summary>
internal sealed class SqliteOutboxQueue(SqliteDocumentStore store) : IOutboxQueue
{
    private const string Table = SqliteSchema.OutboxTable;
    private const string StateColumns = "id, type, attempts, due_at, completed_at, last_error, dead_at";

    // The terms of the partial due index (completed_at IS NULL) come first, so SQLite uses it.
    private const string IsDeadLetter = "completed_at IS NULL AND due_at = @never";

    private static readonly long NeverDue = OutboxDeadLetters.NeverDue.ToUnixTimeMilliseconds();

    public Task<IReadOnlyList<OutboxEnvelope>> ClaimAsync(
        string owner, int maxCount, DateTimeOffset now, DateTimeOffset leaseUntil, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxCount, 1);
        return store.WriteAsync<IReadOnlyList<OutboxEnvelope>>(null, async (connection, _) =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"""
                UPDATE {Table} SET lease_owner = @owner, lease_until = @until, attempts = attempts + 1
                WHERE id IN (
                    SELECT id FROM {Table}
                    WHERE completed_at IS NULL AND due_at <= @now AND (lease_until IS NULL OR lease_until <= @now)
                    ORDER BY due_at, id LIMIT @max)
                RETURNING id, type, payload, attempts, enqueued_at
                """;
            command.Parameters.AddWithValue("@owner", owner);
            command.Parameters.AddWithValue("@until", leaseUntil.ToUnixTimeMilliseconds());
            command.Parameters.AddWithValue("@now", now.ToUnixTimeMilliseconds());
            command.Parameters.AddWithValue("@max", maxCount);
            var claimed = new List<OutboxEnvelope>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                claimed.Add(new OutboxEnvelope(
                    reader.GetString(0),
                    reader.GetString(1),
                    (byte[])reader.GetValue(2),
                    reader.GetInt32(3),
                    DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(4))));
            }

            // RETURNING gives no order; ids are UUIDv7, so ordinal order is enqueue order.
            return [.. claimed.OrderBy(e => e.Id, StringComparer.Ordinal)];
        }, cancellationToken);
    }

    public Task CompleteAsync(string id, string owner, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        SettleAsync(
            $"UPDATE {Table} SET completed_at = @at, lease_owner = NULL, lease_until = NULL WHERE id = @id AND lease_owner = @owner",
            id, owner, now, null, cancellationToken);

    public Task RescheduleAsync(string id, string owner, DateTimeOffset dueAt, string error, CancellationToken cancellationToken = default) =>
        SettleAsync(
            $"UPDATE {Table} SET due_at = @at, last_error = @error, lease_owner = NULL, lease_until = NULL WHERE id = @id AND lease_owner = @owner",
            id, owner, dueAt, error, cancellationToken);

    public async Task<bool> DeadLetterAsync(string id, string owner, DateTimeOffset now, string error, CancellationToken cancellationToken = default) =>
        await store.WriteAsync(null, async (connection, _) =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"""
                UPDATE {Table} SET due_at = @never, dead_at = @at, last_error = @error, lease_owner = NULL, lease_until = NULL
                WHERE id = @id AND lease_owner = @owner
                """;
            command.Parameters.AddWithValue("@id", id);
            command.Parameters.AddWithValue("@owner", owner);
            command.Parameters.AddWithValue("@never", NeverDue);
            command.Parameters.AddWithValue("@at", now.ToUnixTimeMilliseconds());
            command.Parameters.AddWithValue("@error", error);
            return await command.ExecuteNonQueryAsync(cancellationToken);
        }, cancellationToken) == 1;

    // Both read the partial due index at the one due time of dead letters, never the whole table.
    public Task<long> CountDeadLettersAsync(CancellationToken cancellationToken = default) =>
        store.ReadAsync(null, async (connection, _) =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT count(*) FROM {Table} WHERE {IsDeadLetter}";
            command.Parameters.AddWithValue("@never", NeverDue);
            return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
        }, cancellationToken);

    public Task<IReadOnlyList<OutboxEntryState>> ListDeadLettersAsync(int maxCount, string? type = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxCount, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxCount, OutboxDeadLetters.MaxListCount);
        return store.ReadAsync<IReadOnlyList<OutboxEntryState>>(null, async (connection, _) =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"""
                SELECT {StateColumns} FROM {Table}
                WHERE {IsDeadLetter} AND (@type IS NULL OR type = @type)
                ORDER BY dead_at, id LIMIT @max
                """;
            command.Parameters.AddWithValue("@never", NeverDue);
            command.Parameters.AddWithValue("@type", (object?)type ?? DBNull.Value);
            command.Parameters.AddWithValue("@max", maxCount);
            var states = new List<OutboxEntryState>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                states.Add(ReadState(reader));
            }

            return states;
        }, cancellationToken);
    }

    public async Task<bool> RequeueDeadLetterAsync(string id, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        await RequeueAsync("id = @key", id, now, cancellationToken) == 1;

    public Task<long> RequeueDeadLettersAsync(string type, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(type);
        return RequeueAsync("type = @key", type, now, cancellationToken);
    }

    public Task<long> PurgeCompletedAsync(DateTimeOffset completedBefore, CancellationToken cancellationToken = default) =>
        store.WriteAsync(null, async (connection, _) =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"DELETE FROM {Table} WHERE completed_at IS NOT NULL AND completed_at < @before";
            command.Parameters.AddWithValue("@before", completedBefore.ToUnixTimeMilliseconds());
            return (long)await command.ExecuteNonQueryAsync(cancellationToken);
        }, cancellationToken);

    public Task<OutboxEntryState?> FindAsync(string id, CancellationToken cancellationToken = default) =>
        store.ReadAsync<OutboxEntryState?>(null, async (connection, _) =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT {StateColumns} FROM {Table} WHERE id = @id";
            command.Parameters.AddWithValue("@id", id);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            return await reader.ReadAsync(cancellationToken) ? ReadState(reader) : null;
        }, cancellationToken);

    private static OutboxEntryState ReadState(SqliteDataReader reader) =>
        new(
            reader.GetString(0),
            reader.GetString(1),
            reader.GetInt32(2),
            DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3)),
            reader.IsDBNull(4) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(4)),
            reader.IsDBNull(5) ? null : reader.GetString(5),
            reader.IsDBNull(6) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(6)));

    // A fresh budget of attempts: a requeued message that fails again transiently is retried MaxAttempts times, not once.
    private Task<long> RequeueAsync(string match, string key, DateTimeOffset now, CancellationToken cancellationToken) =>
        store.WriteAsync(null, async (connection, _) =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"UPDATE {Table} SET due_at = @now, dead_at = NULL, attempts = 0 WHERE {match} AND {IsDeadLetter}";
            command.Parameters.AddWithValue("@key", key);
            command.Parameters.AddWithValue("@now", now.ToUnixTimeMilliseconds());
            command.Parameters.AddWithValue("@never", NeverDue);
            return (long)await command.ExecuteNonQueryAsync(cancellationToken);
        }, cancellationToken);

    private Task SettleAsync(string sql, string id, string owner, DateTimeOffset at, string? error, CancellationToken cancellationToken) =>
        store.WriteAsync(null, async (connection, _) =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            command.Parameters.AddWithValue("@id", id);
            command.Parameters.AddWithValue("@owner", owner);
            command.Parameters.AddWithValue("@at", at.ToUnixTimeMilliseconds());
            if (error is not null)
            {
                command.Parameters.AddWithValue("@error", error);
            }

            // Zero rows means the lease expired and another dispatcher owns the message now; it will settle it.
            return await command.ExecuteNonQueryAsync(cancellationToken);
        }, cancellationToken);
}
