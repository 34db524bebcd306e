using Dixis.Services.Tests.Infrastructure;
using Grpc.Net.Client;

namespace Dixis.Services.Tests.Auth;

/// <summary>One real Auth service (in-process, real SQLite file) shared by the tests of a class; tests use fresh users.</summary>
public sealed class AuthServiceFixture : IAsyncLifetime
{
    private IRunningService? service;
    private GrpcChannel? channel;

    public AuthApi Api { get; private set; } = null!;

    public ValueTask InitializeAsync()
    {
        var settings = AuthSettings.Create();
        service = DixisServices.Start("auth", settings);
        channel = service.CreateGrpcChannel();
        Api = new AuthApi(channel, service, settings.DataDirectory);
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
