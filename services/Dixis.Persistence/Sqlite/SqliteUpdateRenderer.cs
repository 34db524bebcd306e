using System.Text;
using System.Text.Json;
using Dixis.Persistence.Queries;
using Microsoft.Data.Sqlite;

namespace Dixis.Persistence.Sqlite;

/// <summary>
/// Renders an <see cref="Update"/> to one <c>SET</c> clause: a single <c>json_set</c> over the body plus the
/// version bump, so the change is one statement the database applies atomically.
/// </summary>
internal static class SqliteUpdateRenderer
{
    public static string Render(Update update, SqliteCommand command)
    {
        var sql = new StringBuilder("body = json_set(body");
        foreach (var change in update.Changes)
        {
            var name = $"@u{command.Parameters.Count}";
            var field = SqliteSql.Field(change.Field);
            sql.Append(", '$.").Append(change.Field).Append("', ");
            switch (change)
            {
                case IncrementField inc:
                    command.Parameters.AddWithValue(name, inc.Amount);
                    sql.Append("coalesce(").Append(field).Append(", 0) + ").Append(name);
                    break;
                case SetField set:
                    // json() keeps the value's JSON type: true stays a boolean, "5" stays a string.
                    command.Parameters.AddWithValue(name, JsonSerializer.Serialize(set.Value));
                    sql.Append("json(").Append(name).Append(')');
                    break;
                default:
                    throw new NotSupportedException($"Update {change.GetType().Name} is not supported by SQLite.");
            }
        }

        return sql.Append("), version = version + 1").ToString();
    }
}
