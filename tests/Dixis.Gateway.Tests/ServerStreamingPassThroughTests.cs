using Dixis.Gateway.Tests.Infrastructure;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Dixis.Gateway.Tests;

/// <summary>A server-streaming answer passes through message by message, as each arrives, and ends with the service's trailers.</summary>
public sealed class ServerStreamingPassThroughTests
{
    [Fact]
    public async Task Each_streamed_message_reaches_the_caller_before_the_service_sends_the_next()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var downstream = await GrpcTestHost.StartAsync<SteppedHealthService>();
        var watch = HealthReflection.Descriptor.FindTypeByName<Google.Protobuf.Reflection.ServiceDescriptor>("Health").FindMethodByName("Watch");
        await using var passThrough = await PassThroughHost.StartAsync(watch, downstream.CreateHandler());
        using var channel = GrpcChannel.ForAddress(passThrough.BaseAddress, new GrpcChannelOptions { HttpHandler = passThrough.CreateHandler() });

        using var call = new Health.HealthClient(channel).Watch(
            new HealthCheckRequest { Service = "catalog" },
            deadline: TimeProvider.System.GetUtcNow().UtcDateTime.AddSeconds(30),
            cancellationToken: cancellationToken);

        // The service holds its second message back until the first has reached the caller.
        Assert.True(await call.ResponseStream.MoveNext(cancellationToken));
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, call.ResponseStream.Current.Status);
        downstream.Services.GetRequiredService<SteppedHealthService>().Release();
        Assert.True(await call.ResponseStream.MoveNext(cancellationToken));
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.NotServing, call.ResponseStream.Current.Status);
        Assert.False(await call.ResponseStream.MoveNext(cancellationToken));

        Assert.Equal(StatusCode.OK, call.GetStatus().StatusCode);
        Assert.Equal("catalog", call.GetTrailers().GetValue("x-watched"));
    }
}
