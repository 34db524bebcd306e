using Dixis.Persistence.Outbox;

namespace Dixis.Persistence.Sqlite;

/// <summary>Claims due outbox rows with one UPDATE … RETURNING, so two dispatchers never claim the same row.</summary>
internal sealed class SqliteOutboxQueue(SqliteDocumentStore store) : IOutboxQueue
{
    private const string Table = SqliteSchema.OutboxTable;

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
            command.CommandText = $"SELECT type, attempts, due_at, completed_at, last_error FROM {Table} WHERE id = @id";
            command.Parameters.AddWithValue("@id", id);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            return await reader.ReadAsync(cancellationToken)
                ? new OutboxEntryState(
                    id,
                    reader.GetString(0),
                    reader.GetInt32(1),
                    DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(2)),
                    reader.IsDBNull(3) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3)),
                    reader.IsDBNull(4) ? null : reader.GetString(4))
                : null;
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
