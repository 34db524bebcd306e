using Dixis.Services.Tests.Infrastructure;
using Grpc.Net.Client;
using MongoDB.Driver;

namespace Dixis.Services.Tests.Catalog;

/// <summary>
/// The oversell scenario on MongoDB: the real catalog on the server named by <c>DIXIS_TEST_MONGO</c>, in a fresh
/// database dropped afterwards. Without the variable the test reports a skip with the reason.
/// </summary>
public sealed class InventoryOnMongoTests : IAsyncLifetime
{
    private const string Variable = "DIXIS_TEST_MONGO";
    private readonly string database = $"dixis_test_{Guid.NewGuid():N}"[..28];
    private IRunningService? service;
    private GrpcChannel? channel;

    private static string? ConnectionString => Environment.GetEnvironmentVariable(Variable);

    public async ValueTask InitializeAsync()
    {
        if (string.IsNullOrWhiteSpace(ConnectionString))
        {
            return;
        }

        var settings = CatalogSettings.WithoutDemoProducts();
        settings.Values["ConnectionStrings:mongo"] = ConnectionString;
        settings.Values["Persistence:MongoDatabase"] = database;
        service = DixisServices.Start("catalog", settings);
        channel = service.CreateGrpcChannel();
        await new CatalogApi(channel).WaitForSearchIndexAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Two_hundred_parallel_reservations_of_one_unit_against_fifty_sell_exactly_fifty_on_mongodb()
    {
        if (channel is null)
        {
            Assert.Skip($"{Variable} is not set: this runs the oversell scenario only against a MongoDB server named there (e.g. mongodb://127.0.0.1:27017/?replicaSet=rs0).");
        }

        var outcome = await OversellScenario.RunAsync(new CatalogApi(channel), TestContext.Current.CancellationToken);

        outcome.AssertExactlyTheStockWasSold();
    }

    public async ValueTask DisposeAsync()
    {
        channel?.Dispose();
        if (service is not null)
        {
            await service.DisposeAsync();
            await new MongoClient(ConnectionString).DropDatabaseAsync(database);
        }
    }
}
