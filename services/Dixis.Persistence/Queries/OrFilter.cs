namespace Dixis.Persistence.Queries;

/// <summary>At least one child filter holds.</summary>
public sealed record OrFilter(IReadOnlyList<Filter> Filters) : Filter
{
    public override IEnumerable<string> Fields => Filters.SelectMany(f => f.Fields);
}
