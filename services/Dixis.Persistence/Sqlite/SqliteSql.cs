using Dixis.Persistence.Queries;

namespace Dixis.Persistence.Sqlite;

/// <summary>The SQL spelling of identifiers and field paths, shared by schema and queries.</summary>
internal static class SqliteSql
{
    /// <summary>
    /// The expression that reads a field. Index and query must spell it identically, or SQLite will not
    /// use the expression index; field paths are validated by <see cref="FieldPath"/>, so inlining is safe.
    /// </summary>
    public static string Field(string field) =>
        field == FieldPath.Id ? "id" : $"json_extract(body, '$.{field}')";

    public static string Table(string collection) => $"\"{collection}\"";
}
