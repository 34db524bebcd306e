using System.Collections.Concurrent;
using Dixis.Persistence.Definitions;

namespace Dixis.Persistence.Documents;

/// <summary>
/// The typed views a store hands out, one per declared collection, created on first use and reused after,
/// so a service can ask for a collection on every request without allocating one each time.
/// </summary>
/// <param name="definition">What the service declared; the names and document types to check against.</param>
internal sealed class DocumentCollectionCache(DocumentStoreDefinition definition)
{
    private readonly ConcurrentDictionary<string, object> collections = new(StringComparer.Ordinal);

    /// <summary>The cached view of <paramref name="name"/>, or a new one made by <paramref name="create"/>.</summary>
    /// <param name="name">The declared collection.</param>
    /// <param name="create">Makes the engine's view; static lambdas with <paramref name="state"/> avoid a closure per call.</param>
    /// <param name="state">Passed to <paramref name="create"/>, typically the store itself.</param>
    /// <exception cref="InvalidOperationException">No collection of that name and type was declared.</exception>
    public IDocumentCollection<T> GetOrAdd<T, TState>(
        string name, Func<CollectionDefinition<T>, TState, IDocumentCollection<T>> create, TState state) =>
        collections.GetOrAdd(name, static (n, args) => args.create(args.definition.Find<T>(n), args.state), (definition, create, state))
            as IDocumentCollection<T>

        // The view was cached for another document type: report it as Find<T> does on first use.
        ?? throw new InvalidOperationException($"Collection '{name}' holds {definition.Collections.First(c => c.Name == name).DocumentType.Name} documents, not {typeof(T).Name}.");
}
