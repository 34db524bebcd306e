using System.Text;
using Dixis.Persistence.Definitions;
using Microsoft.Data.Sqlite;

namespace Dixis.Persistence.Sqlite;

/// <summary>
/// The DDL of a store: one table per collection (id, version, JSON body), expression indexes, outbox, idempotency.
/// Outbox rows are pending (<c>completed_at</c> null), delivered (<c>completed_at</c> set) or dead letters
/// (<c>dead_at</c> set and <c>due_at</c> = <see cref="Outbox.OutboxDeadLetters.NeverDue"/>, so the due index that claims
/// scan finds them only when asked for that exact time).
/// </summary>
internal static class SqliteSchema
{
    public const string OutboxTable = "_outbox";
    public const string IdempotencyTable = "_idempotency";

    public static string Create(DocumentStoreDefinition definition)
    {
        var sql = new StringBuilder();
        foreach (var collection in definition.Collections)
        {
            var table = SqliteSql.Table(collection.Name);
            sql.Append("CREATE TABLE IF NOT EXISTS ").Append(table)
                .AppendLine(" (id TEXT NOT NULL PRIMARY KEY, version INTEGER NOT NULL, body TEXT NOT NULL);");
            foreach (var index in collection.Indexes)
            {
                sql.Append(index.Unique ? "CREATE UNIQUE INDEX" : "CREATE INDEX").Append(" IF NOT EXISTS \"")
                    .Append(index.Name).Append("\" ON ").Append(table).Append(" (")
                    .AppendJoin(", ", index.Fields.Select(SqliteSql.Field)).AppendLine(");");
            }
        }

        sql.AppendLine($"""
            CREATE TABLE IF NOT EXISTS {OutboxTable} (
                id TEXT NOT NULL PRIMARY KEY,
                type TEXT NOT NULL,
                payload BLOB NOT NULL,
                enqueued_at INTEGER NOT NULL,
                due_at INTEGER NOT NULL,
                attempts INTEGER NOT NULL DEFAULT 0,
                lease_owner TEXT,
                lease_until INTEGER,
                completed_at INTEGER,
                last_error TEXT,
                dead_at INTEGER);
            CREATE INDEX IF NOT EXISTS ix__outbox_due ON {OutboxTable} (due_at, id) WHERE completed_at IS NULL;
            CREATE TABLE IF NOT EXISTS {IdempotencyTable} (
                key TEXT NOT NULL PRIMARY KEY,
                fingerprint TEXT NOT NULL,
                completed INTEGER NOT NULL,
                response BLOB,
                started_at INTEGER NOT NULL,
                expires_at INTEGER NOT NULL);
            CREATE INDEX IF NOT EXISTS ix__idempotency_expires ON {IdempotencyTable} (expires_at);
            """);
        return sql.ToString();
    }

    /// <summary>
    /// Brings a file created by an earlier version up to <see cref="Create"/>: columns added since are added to existing
    /// tables (CREATE TABLE IF NOT EXISTS leaves those alone). Run in a write transaction, after <see cref="Create"/>.
    /// </summary>
    public static async Task UpgradeAsync(SqliteConnection connection, SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        await using var probe = connection.CreateCommand();
        probe.Transaction = transaction;
        probe.CommandText = $"SELECT count(*) FROM pragma_table_info('{OutboxTable}') WHERE name = 'dead_at'";
        if ((long)(await probe.ExecuteScalarAsync(cancellationToken))! == 0)
        {
            await using var alter = connection.CreateCommand();
            alter.Transaction = transaction;
            alter.CommandText = $"ALTER TABLE {OutboxTable} ADD COLUMN dead_at INTEGER";
            await alter.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
