using System.Text.RegularExpressions;

namespace Dixis.Persistence.Queries;

/// <summary>
/// Validates field paths: JSON property names as the serializer writes them, dotted for nesting
/// (<c>price.amount</c>). The strict shape matters because SQLite index expressions must be written
/// literally into SQL to be used by the planner.
/// </summary>
public static partial class FieldPath
{
    /// <summary>The field that holds a document's id in filters.</summary>
    public const string Id = "_id";

    /// <summary>The field that holds a document's version in MongoDB (reserved in document bodies).</summary>
    public const string Version = "_version";

    /// <summary>Throws a precise <see cref="ArgumentException"/> unless <paramref name="field"/> is a valid path.</summary>
    public static string Validate(string field, string parameterName, bool allowId = false)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(field, parameterName);
        if (field == Id)
        {
            return allowId
                ? field
                : throw new ArgumentException($"Field '{Id}' cannot be used here.", parameterName);
        }

        if (field == Version || field.StartsWith(Version + ".", StringComparison.Ordinal))
        {
            throw new ArgumentException($"Field '{Version}' is reserved for the document version.", parameterName);
        }

        if (field.Length > 200 || !Shape().IsMatch(field))
        {
            throw new ArgumentException(
                $"Field '{field}' is not a valid path: use letters, digits and '_', dotted for nesting (e.g. 'price.amount').",
                parameterName);
        }

        return field;
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_]*(\\.[A-Za-z][A-Za-z0-9_]*)*$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
