using Dixis.Contracts.Shipping.V1;
using Dixis.Services.Tests.Infrastructure;
using Grpc.Net.Client;

namespace Dixis.Services.Tests.Shipping;

/// <summary>
/// One real shipping service (in-process, real SQLite file) shared by the rate tests, with the Greek default table
/// seeded and active. Tests never change the Greek table: tests of table administration use regions of their own.
/// </summary>
public sealed class ShippingServiceFixture : IAsyncLifetime
{
    private IRunningService? service;
    private GrpcChannel? channel;

    public IRunningService Service => service ?? throw new InvalidOperationException("The fixture is not started.");

    public RateService.RateServiceClient Rates { get; private set; } = null!;

    public RateTableService.RateTableServiceClient RateTables { get; private set; } = null!;

    public ValueTask InitializeAsync()
    {
        service = DixisServices.Start("shipping");
        channel = service.CreateGrpcChannel();
        Rates = new RateService.RateServiceClient(channel);
        RateTables = new RateTableService.RateTableServiceClient(channel);
        return ValueTask.CompletedTask;
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

/// <summary>The test classes that share one <see cref="ShippingServiceFixture"/>.</summary>
[CollectionDefinition(Name)]
public sealed class ShippingCollection : ICollectionFixture<ShippingServiceFixture>
{
    public const string Name = "shipping rates";
}
