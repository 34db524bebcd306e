using Dixis.Persistence.Documents;
using Dixis.Persistence.Hosting;
using Dixis.Persistence.Outbox;
using Dixis.Persistence.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Dixis.Outbox.Cli;

/// <summary>
/// A service's outbox queue, opened through the same <c>AddDocumentStore</c> and the same configuration keys as the
/// service, so the tool reaches exactly the store the service uses. The host is built, never started: no dispatcher,
/// no maintenance run in the tool.
/// </summary>
internal sealed class ServiceOutbox : IAsyncDisposable
{
    private readonly IHost host;

    private ServiceOutbox(IHost host, IDocumentStore store)
    {
        this.host = host;
        Store = store;
    }

    public IDocumentStore Store { get; }

    public IOutboxQueue Queue => Store.OutboxQueue;

    /// <summary>Where the store is, for the operator to check (a SQLite file or a MongoDB database).</summary>
    public string Location => Store is SqliteDocumentStore sqlite ? sqlite.FilePath : $"MongoDB database of '{Store.Definition.ServiceName}'";

    /// <summary>Opens the store; a SQLite file that does not exist is an error, not a new empty store.</summary>
    /// <exception cref="FileNotFoundException">No SQLite file for the service where the configuration points.</exception>
    public static ServiceOutbox Open(StoreArguments arguments)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = Directory.GetCurrentDirectory() });
        builder.Configuration.AddEnvironmentVariables();
        var overrides = new Dictionary<string, string?>();
        if (arguments.DataDirectory is not null)
        {
            overrides["Persistence:DataDirectory"] = arguments.DataDirectory;
        }

        if (arguments.Mongo is not null)
        {
            overrides[$"ConnectionStrings:{DocumentStoreHostingExtensions.MongoConnectionName}"] = arguments.Mongo;
        }

        if (arguments.MongoDatabase is not null)
        {
            overrides["Persistence:MongoDatabase"] = arguments.MongoDatabase;
        }

        builder.Configuration.AddInMemoryCollection(overrides);
        builder.AddDocumentStore(arguments.Service, _ => { });
        var host = builder.Build();
        var store = host.Services.GetRequiredService<IDocumentStore>();
        if (store is SqliteDocumentStore sqlite && !File.Exists(sqlite.FilePath))
        {
            throw new FileNotFoundException(
                $"No store of '{arguments.Service}' at {sqlite.FilePath}: give the folder of the service's SQLite files with --data-directory (the AppHost keeps them in <repository>/.data).",
                sqlite.FilePath);
        }

        return new ServiceOutbox(host, store);
    }

    public async ValueTask DisposeAsync()
    {
        if (host is IAsyncDisposable asyncHost)
        {
            await asyncHost.DisposeAsync();
        }
        else
        {
            host.Dispose();
        }
    }
}
