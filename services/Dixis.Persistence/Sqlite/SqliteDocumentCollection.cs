using System.Text;
using Dixis.Persistence.Definitions;
using Dixis.Persistence.Documents;
using Dixis.Persistence.Errors;
using Dixis.Persistence.Queries;
using Dixis.Persistence.Transactions;
using Microsoft.Data.Sqlite;

namespace Dixis.Persistence.Sqlite;

/// <summary>A collection stored as a table (id, version, JSON body) with expression indexes on declared fields.</summary>
internal sealed class SqliteDocumentCollection<T>(
    SqliteDocumentStore store, CollectionDefinition<T> definition, SqliteUnitOfWork? transaction) : IDocumentCollection<T>
{
    private readonly string table = SqliteSql.Table(definition.Name);

    public string Name => definition.Name;

    public IDocumentCollection<T> In(ITransaction transaction) =>
        new SqliteDocumentCollection<T>(store, definition, store.Own(transaction));

    public Task<Document<T>?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        DocumentId.Validate(id);
        return store.ReadAsync(transaction, async (connection, tx) =>
        {
            await using var command = Command(connection, tx, $"SELECT version, body FROM {table} WHERE id = @id");
            command.Parameters.AddWithValue("@id", id);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            return await reader.ReadAsync(cancellationToken)
                ? new Document<T>(id, reader.GetInt64(0), definition.Serializer.Deserialize(reader.GetString(1)))
                : null;
        }, cancellationToken);
    }

    public Task<Document<T>> InsertAsync(string id, T value, CancellationToken cancellationToken = default)
    {
        DocumentId.Validate(id);
        var body = definition.Serializer.Serialize(value);
        return store.WriteAsync(transaction, async (connection, tx) =>
        {
            await using var command = Command(connection, tx, $"INSERT INTO {table} (id, version, body) VALUES (@id, 1, @body)");
            command.Parameters.AddWithValue("@id", id);
            command.Parameters.AddWithValue("@body", body);
            await ExecuteAsync(command, id, cancellationToken);
            return new Document<T>(id, 1, value);
        }, cancellationToken);
    }

    public Task<Document<T>> ReplaceAsync(string id, T value, long expectedVersion, CancellationToken cancellationToken = default)
    {
        DocumentId.Validate(id);
        var body = definition.Serializer.Serialize(value);
        return store.WriteAsync(transaction, async (connection, tx) =>
        {
            await using var command = Command(
                connection, tx, $"UPDATE {table} SET body = @body, version = version + 1 WHERE id = @id AND version = @version");
            command.Parameters.AddWithValue("@id", id);
            command.Parameters.AddWithValue("@body", body);
            command.Parameters.AddWithValue("@version", expectedVersion);
            if (await ExecuteAsync(command, id, cancellationToken) == 1)
            {
                return new Document<T>(id, expectedVersion + 1, value);
            }

            throw await ExistsAsync(connection, tx, id, cancellationToken)
                ? new ConcurrencyConflictException(Name, id, expectedVersion)
                : new DocumentNotFoundException(Name, id);
        }, cancellationToken);
    }

    public Task<bool> DeleteAsync(string id, long? expectedVersion = null, CancellationToken cancellationToken = default)
    {
        DocumentId.Validate(id);
        return store.WriteAsync(transaction, async (connection, tx) =>
        {
            await using var command = Command(
                connection, tx, $"DELETE FROM {table} WHERE id = @id AND (@version IS NULL OR version = @version)");
            command.Parameters.AddWithValue("@id", id);
            command.Parameters.AddWithValue("@version", (object?)expectedVersion ?? DBNull.Value);
            if (await command.ExecuteNonQueryAsync(cancellationToken) == 1)
            {
                return true;
            }

            return expectedVersion is { } version && await ExistsAsync(connection, tx, id, cancellationToken)
                ? throw new ConcurrencyConflictException(Name, id, version)
                : false;
        }, cancellationToken);
    }

    public Task<bool> UpdateIfAsync(string id, Filter condition, Update update, CancellationToken cancellationToken = default)
    {
        DocumentId.Validate(id);
        ArgumentNullException.ThrowIfNull(condition);
        ArgumentNullException.ThrowIfNull(update);
        if (update.Changes.Count == 0)
        {
            throw new ArgumentException("The update changes no field.", nameof(update));
        }

        return store.WriteAsync(transaction, async (connection, tx) =>
        {
            // One UPDATE whose WHERE carries the condition: SQLite evaluates and writes under one lock,
            // so two callers can never both see "available >= 1" and both decrement.
            await using var command = Command(connection, tx, string.Empty);
            var set = SqliteUpdateRenderer.Render(update, command);
            var where = new SqliteFilterRenderer(command).Render(condition);
            command.CommandText = $"UPDATE {table} SET {set} WHERE id = @id AND {where}";
            command.Parameters.AddWithValue("@id", id);
            return await ExecuteAsync(command, id, cancellationToken) == 1;
        }, cancellationToken);
    }

    public Task<Page<T>> QueryAsync(Query query, CancellationToken cancellationToken = default)
    {
        var plan = QueryPlan.Create(query, definition, store.Options.MaxPageSize);
        return store.ReadAsync(transaction, async (connection, tx) =>
        {
            await using var command = Command(connection, tx, string.Empty);
            var sql = new StringBuilder("SELECT id, version, body");
            foreach (var sort in plan.Sort)
            {
                sql.Append(", ").Append(SqliteSql.Field(sort.Field));
            }

            sql.Append(" FROM ").Append(table);
            if (plan.Filter is not null)
            {
                sql.Append(" WHERE ").Append(new SqliteFilterRenderer(command).Render(plan.Filter));
            }

            sql.Append(" ORDER BY ");
            foreach (var sort in plan.Sort)
            {
                sql.Append(SqliteSql.Field(sort.Field)).Append(sort.Descending ? " DESC, " : " ASC, ");
            }

            // One extra row tells whether another page follows without a count query.
            sql.Append("id ASC LIMIT @limit");
            command.Parameters.AddWithValue("@limit", plan.PageSize + 1);
            command.CommandText = sql.ToString();

            var items = new List<Document<T>>(plan.PageSize);
            object?[] lastSortValues = [];
            var hasMore = false;
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                if (items.Count == plan.PageSize)
                {
                    hasMore = true;
                    break;
                }

                items.Add(new Document<T>(reader.GetString(0), reader.GetInt64(1), definition.Serializer.Deserialize(reader.GetString(2))));
                lastSortValues = [.. Enumerable.Range(3, plan.Sort.Count).Select(i => reader.IsDBNull(i) ? null : reader.GetValue(i))];
            }

            return new Page<T>(items, hasMore ? plan.NextPageToken(lastSortValues, items[^1].Id) : null);
        }, cancellationToken);
    }

    public Task<long> CountAsync(Filter? filter, CancellationToken cancellationToken = default)
    {
        // The plan validates the filter's fields exactly as a query would.
        var plan = QueryPlan.Create(new Query { Filter = filter, PageSize = 1 }, definition, store.Options.MaxPageSize);
        return store.ReadAsync(transaction, async (connection, tx) =>
        {
            await using var command = Command(connection, tx, string.Empty);
            command.CommandText = plan.Filter is null
                ? $"SELECT COUNT(*) FROM {table}"
                : $"SELECT COUNT(*) FROM {table} WHERE {new SqliteFilterRenderer(command).Render(plan.Filter)}";
            return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
        }, cancellationToken);
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? tx, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        return command;
    }

    private async Task<int> ExecuteAsync(SqliteCommand command, string id, CancellationToken cancellationToken)
    {
        try
        {
            return await command.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (SqliteException ex) when (SqliteErrors.Translate(ex, Name, id) is { } translated)
        {
            throw translated;
        }
    }

    private async Task<bool> ExistsAsync(SqliteConnection connection, SqliteTransaction? tx, string id, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, tx, $"SELECT 1 FROM {table} WHERE id = @id");
        command.Parameters.AddWithValue("@id", id);
        return await command.ExecuteScalarAsync(cancellationToken) is not null;
    }
}
