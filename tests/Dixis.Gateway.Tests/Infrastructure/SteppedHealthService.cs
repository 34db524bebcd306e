using Grpc.Core;
using Grpc.Health.V1;

namespace Dixis.Gateway.Tests.Infrastructure;

/// <summary>
/// A server-streaming service (grpc.health.v1 Watch, since no contract method streams its answers yet): sends
/// SERVING, waits until the test calls <see cref="Release"/>, then sends NOT_SERVING and ends with a trailer.
/// </summary>
public sealed class SteppedHealthService : Health.HealthBase
{
    private readonly TaskCompletionSource released = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Release() => released.TrySetResult();

    public override async Task Watch(HealthCheckRequest request, IServerStreamWriter<HealthCheckResponse> responseStream, ServerCallContext context)
    {
        await responseStream.WriteAsync(new HealthCheckResponse { Status = HealthCheckResponse.Types.ServingStatus.Serving }, context.CancellationToken);
        await released.Task.WaitAsync(context.CancellationToken);
        await responseStream.WriteAsync(new HealthCheckResponse { Status = HealthCheckResponse.Types.ServingStatus.NotServing }, context.CancellationToken);
        context.ResponseTrailers.Add("x-watched", request.Service);
    }
}
