using Dixis.Persistence.Outbox;
using Dixis.Persistence.Transactions;

namespace Dixis.Persistence.Sqlite;

/// <summary>Enqueues outbox rows, in the caller's transaction when it has one.</summary>
internal sealed class SqliteOutbox(SqliteDocumentStore store, SqliteUnitOfWork? transaction) : IOutbox
{
    public IOutbox In(ITransaction transaction) => new SqliteOutbox(store, store.Own(transaction));

    public Task<string> EnqueueAsync(OutboxMessage message, CancellationToken cancellationToken = default)
    {
        OutboxMessageValidator.Validate(message);
        var now = store.TimeProvider.GetUtcNow();
        var id = Guid.CreateVersion7(now).ToString("N");
        return store.WriteAsync(transaction, async (connection, tx) =>
        {
            await using var command = connection.CreateCommand();
            command.Transaction = tx;
            command.CommandText = $"""
                INSERT INTO {SqliteSchema.OutboxTable} (id, type, payload, enqueued_at, due_at)
                VALUES (@id, @type, @payload, @now, @due)
                """;
            command.Parameters.AddWithValue("@id", id);
            command.Parameters.AddWithValue("@type", message.Type);
            command.Parameters.AddWithValue("@payload", message.Payload);
            command.Parameters.AddWithValue("@now", now.ToUnixTimeMilliseconds());
            command.Parameters.AddWithValue("@due", (message.NotBefore ?? now).ToUnixTimeMilliseconds());
            await command.ExecuteNonQueryAsync(cancellationToken);
            return id;
        }, cancellationToken);
    }
}
