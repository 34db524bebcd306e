namespace Dixis.Persistence.Queries;

/// <summary>A field equal to one of a list of scalar values.</summary>
public sealed record InFilter(string Field, IReadOnlyList<object?> Values) : Filter
{
    public override IEnumerable<string> Fields => [Field];
}
