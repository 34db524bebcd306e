namespace Dixis.Persistence.Queries;

/// <summary>One sort key of a query. Null or missing values sort first ascending and last descending.</summary>
public sealed record SortField(string Field, bool Descending = false)
{
    public static SortField Ascending(string field) => new(FieldPath.Validate(field, nameof(field)));

    public static SortField DescendingBy(string field) => new(FieldPath.Validate(field, nameof(field)), Descending: true);
}
