namespace Dixis.Persistence.Queries;

/// <summary>A field compared with a scalar value (already normalized by <see cref="ScalarValue"/>).</summary>
public sealed record ComparisonFilter(string Field, ComparisonOperator Operator, object? Value) : Filter
{
    public override IEnumerable<string> Fields => [Field];
}
