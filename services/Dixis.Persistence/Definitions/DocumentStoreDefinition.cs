namespace Dixis.Persistence.Definitions;

/// <summary>What a service stores: its name (the SQLite file and MongoDB database name) and its collections.</summary>
public sealed record DocumentStoreDefinition(string ServiceName, IReadOnlyList<CollectionDefinition> Collections)
{
    /// <summary>The collection of that name.</summary>
    /// <exception cref="InvalidOperationException">None was declared, or it holds another type.</exception>
    public CollectionDefinition<T> Find<T>(string name) =>
        Collections.FirstOrDefault(c => c.Name == name) switch
        {
            CollectionDefinition<T> typed => typed,
            null => throw new InvalidOperationException(
                $"Collection '{name}' is not declared for service '{ServiceName}'; declare it in AddDocumentStore."),
            var other => throw new InvalidOperationException(
                $"Collection '{name}' holds {other.DocumentType.Name} documents, not {typeof(T).Name}."),
        };
}
