using System.Text.RegularExpressions;
using Dixis.Persistence.Documents;
using Microsoft.Extensions.DependencyInjection;

namespace Dixis.Persistence.Definitions;

/// <summary>Declares a service's collections: <c>store.Collection&lt;Product&gt;("products", c =&gt; c.Index("producerId"))</c>.</summary>
public sealed partial class DocumentStoreBuilder
{
    private readonly List<CollectionDefinition> collections = [];
    private readonly HashSet<string> names = new(StringComparer.Ordinal);
    private readonly List<Action<IServiceCollection>> registrations = [];

    public DocumentStoreBuilder(string serviceName)
    {
        ServiceName = ValidName(serviceName, nameof(serviceName));
    }

    public string ServiceName { get; }

    /// <summary>Declares a collection of <typeparamref name="T"/> documents.</summary>
    public DocumentStoreBuilder Collection<T>(string name, Action<CollectionBuilder<T>>? configure = null)
    {
        ValidName(name, nameof(name));
        if (!names.Add(name))
        {
            throw new ArgumentException($"Collection '{name}' is declared twice.", nameof(name));
        }

        var builder = new CollectionBuilder<T>(name);
        configure?.Invoke(builder);
        collections.Add(builder.Build());

        // Injectable as IDocumentCollection<T>; with two collections of one type, the last declared wins
        // and the other is reached through IDocumentStore.Collection<T>(name).
        registrations.Add(services => services.AddSingleton(sp => sp.GetRequiredService<IDocumentStore>().Collection<T>(name)));
        return this;
    }

    /// <summary>DI registrations of the declared collections.</summary>
    internal IReadOnlyList<Action<IServiceCollection>> Registrations => registrations;

    public DocumentStoreDefinition Build() => new(ServiceName, [.. collections]);

    private static string ValidName(string name, string parameterName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name, parameterName);
        return Shape().IsMatch(name)
            ? name
            : throw new ArgumentException(
                $"Name '{name}' is invalid: use 1 to 48 lowercase letters, digits and '_', starting with a letter.",
                parameterName);
    }

    // Lowercase only: collection names become SQLite tables and MongoDB collections, file and database
    // names too, and a leading underscore is kept free for the store's own tables (outbox, idempotency).
    [GeneratedRegex("^[a-z][a-z0-9_]{0,47}$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
