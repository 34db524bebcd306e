namespace Dixis.Persistence.Definitions;

/// <summary>A declared collection: name, document type, indexes and intended shard key.</summary>
public abstract record CollectionDefinition(
    string Name,
    Type DocumentType,
    IReadOnlyList<IndexDefinition> Indexes,
    ShardKeyDefinition ShardKey)
{
    /// <summary>Fields that queries may filter and sort on: every field of every declared index.</summary>
    public IReadOnlySet<string> IndexedFields { get; } = Indexes.SelectMany(i => i.Fields).ToHashSet(StringComparer.Ordinal);
}
