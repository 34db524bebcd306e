using Dixis.Persistence.Documents;
using Microsoft.Extensions.Hosting;

namespace Dixis.Persistence.Hosting;

/// <summary>Creates the schema and indexes while the host starts, before the first request arrives.</summary>
internal sealed class DocumentStoreInitializer(IDocumentStore store) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => store.InitializeAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
