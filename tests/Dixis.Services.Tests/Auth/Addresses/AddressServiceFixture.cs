using Dixis.Contracts.Auth.V1;
using Dixis.Services.Tests.Infrastructure;
using Grpc.Net.Client;

namespace Dixis.Services.Tests.Auth.Addresses;

/// <summary>One real auth service (in-process, real SQLite file, real key ring) shared by the tests of a class; each test uses fresh users.</summary>
public sealed class AddressServiceFixture : IAsyncLifetime
{
    private IRunningService? service;
    private GrpcChannel? channel;

    public AddressService.AddressServiceClient Addresses { get; private set; } = null!;

    public ValueTask InitializeAsync()
    {
        service = DixisServices.Start("auth");
        channel = service.CreateGrpcChannel();
        Addresses = new AddressService.AddressServiceClient(channel);
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
