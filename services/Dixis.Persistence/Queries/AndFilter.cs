namespace Dixis.Persistence.Queries;

/// <summary>All child filters hold.</summary>
public sealed record AndFilter(IReadOnlyList<Filter> Filters) : Filter
{
    public override IEnumerable<string> Fields => Filters.SelectMany(f => f.Fields);
}
