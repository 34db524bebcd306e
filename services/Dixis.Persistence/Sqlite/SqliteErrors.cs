using System.Text.RegularExpressions;
using Dixis.Persistence.Errors;
using Microsoft.Data.Sqlite;

namespace Dixis.Persistence.Sqlite;

/// <summary>Translates SQLite constraint failures into the store's typed errors.</summary>
internal static partial class SqliteErrors
{
    private const int ConstraintPrimaryKey = 1555;
    private const int ConstraintUnique = 2067;

    public static Exception? Translate(SqliteException exception, string collection, string id)
    {
        if (exception.SqliteExtendedErrorCode == ConstraintPrimaryKey)
        {
            return new DocumentAlreadyExistsException(collection, id, exception);
        }

        if (exception.SqliteExtendedErrorCode == ConstraintUnique)
        {
            var index = IndexName().Match(exception.Message);
            return index.Success
                ? new UniqueIndexViolationException(collection, index.Groups[1].Value, exception)
                : new DocumentAlreadyExistsException(collection, id, exception);
        }

        return null;
    }

    // SQLite names the violated expression index as: UNIQUE constraint failed: index 'ux_users_email'
    [GeneratedRegex("index '([^']+)'", RegexOptions.CultureInvariant)]
    private static partial Regex IndexName();
}
