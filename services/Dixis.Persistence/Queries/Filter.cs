namespace Dixis.Persistence.Queries;

/// <summary>
/// An engine-neutral condition over document fields, rendered to SQL for SQLite and to BSON for MongoDB.
/// Fields are JSON property paths (as the collection's serializer writes them); <see cref="FieldPath.Id"/>
/// is the document id. <c>Eq(field, null)</c> matches a missing or null field.
/// </summary>
public abstract record Filter
{
    public static Filter Eq(string field, object? value) => Compare(field, ComparisonOperator.Equal, value);

    public static Filter Ne(string field, object? value) => Compare(field, ComparisonOperator.NotEqual, value);

    public static Filter Gt(string field, object value) => Compare(field, ComparisonOperator.GreaterThan, NotNull(value));

    public static Filter Gte(string field, object value) => Compare(field, ComparisonOperator.GreaterThanOrEqual, NotNull(value));

    public static Filter Lt(string field, object value) => Compare(field, ComparisonOperator.LessThan, NotNull(value));

    public static Filter Lte(string field, object value) => Compare(field, ComparisonOperator.LessThanOrEqual, NotNull(value));

    /// <summary>The field equals one of <paramref name="values"/> (at least one, at most 1,000).</summary>
    public static Filter In(string field, IEnumerable<object?> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var list = values.Select(v => ScalarValue.Normalize(v, nameof(values))).ToArray();
        if (list.Length is 0 or > 1000)
        {
            throw new ArgumentException($"'In' on field '{field}' needs between 1 and 1000 values, got {list.Length}.", nameof(values));
        }

        return new InFilter(FieldPath.Validate(field, nameof(field), allowId: true), list);
    }

    /// <summary>All of <paramref name="filters"/> hold.</summary>
    public static Filter And(params IEnumerable<Filter> filters) => new AndFilter(Children(filters, nameof(filters)));

    /// <summary>At least one of <paramref name="filters"/> holds.</summary>
    public static Filter Or(params IEnumerable<Filter> filters) => new OrFilter(Children(filters, nameof(filters)));

    private static ComparisonFilter Compare(string field, ComparisonOperator op, object? value) =>
        new(FieldPath.Validate(field, nameof(field), allowId: true), op, ScalarValue.Normalize(value, nameof(value)));

    private static object NotNull(object value) =>
        value ?? throw new ArgumentNullException(nameof(value), "Range comparisons need a value; use Eq/Ne with null to test for a missing field.");

    private static Filter[] Children(IEnumerable<Filter> filters, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(filters, parameterName);
        var list = filters.ToArray();
        if (list.Length == 0 || list.Any(f => f is null))
        {
            throw new ArgumentException("Combine at least one filter, and no null filters.", parameterName);
        }

        return list;
    }

    /// <summary>Every field path this filter reads, for index validation.</summary>
    public abstract IEnumerable<string> Fields { get; }
}
