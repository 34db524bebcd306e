using Dixis.Services.Tests.Infrastructure;
using Grpc.Net.Client;

namespace Dixis.Services.Tests.Catalog;

/// <summary>
/// One real catalog service (in-process, real SQLite file, real search index) shared by the tests of a class;
/// tests keep out of each other's way with fresh producers, slugs and SKUs. The demo category tree is seeded,
/// no demo products.
/// </summary>
public sealed class CatalogServiceFixture : IAsyncLifetime
{
    private IRunningService? service;
    private GrpcChannel? channel;

    public CatalogApi Api { get; private set; } = null!;

    public IRunningService Service => service ?? throw new InvalidOperationException("The fixture is not started.");

    public async ValueTask InitializeAsync()
    {
        service = DixisServices.Start("catalog", CatalogSettings.WithoutDemoProducts());
        channel = service.CreateGrpcChannel();
        Api = new CatalogApi(channel);
        await Api.WaitForSearchIndexAsync(TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        channel?.Dispose();
        if (service is not null)
        {
            await service.DisposeAsync();
        }
    }
}
