using Dixis.Persistence.Serialization;

namespace Dixis.Persistence.Definitions;

/// <summary>A declared collection together with the serializer of its document type.</summary>
public sealed record CollectionDefinition<T>(
    string Name,
    IReadOnlyList<IndexDefinition> Indexes,
    ShardKeyDefinition ShardKey,
    IDocumentSerializer<T> Serializer)
    : CollectionDefinition(Name, typeof(T), Indexes, ShardKey);
