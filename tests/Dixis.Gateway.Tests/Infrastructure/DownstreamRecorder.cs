using System.Collections.Concurrent;
using Grpc.Core;

namespace Dixis.Gateway.Tests.Infrastructure;

/// <summary>What a downstream test service saw of each call, keyed by the caller's <c>x-request-id</c>.</summary>
public sealed class DownstreamRecorder
{
    private readonly ConcurrentDictionary<string, ObservedCall> calls = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, TaskCompletionSource> arrivals = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, TaskCompletionSource> cancellations = new(StringComparer.Ordinal);

    public void Record(ServerCallContext context)
    {
        var requestId = context.RequestHeaders.GetValue("x-request-id");
        if (requestId is not null)
        {
            // Grpc.AspNetCore keeps grpc-encoding out of RequestHeaders: it is read from the HTTP request itself.
            calls[requestId] = new ObservedCall(
                [.. context.RequestHeaders.Select(entry => (entry.Key, entry.IsBinary ? Convert.ToBase64String(entry.ValueBytes) : entry.Value))],
                context.Deadline,
                context.GetHttpContext().Request.Headers.GrpcEncoding.FirstOrDefault());
            Signal(arrivals, requestId).TrySetResult();
        }
    }

    /// <summary>Notes that the call with this <c>x-request-id</c> saw its cancellation token fire.</summary>
    public void RecordCancellation(ServerCallContext context)
    {
        if (context.RequestHeaders.GetValue("x-request-id") is { } requestId)
        {
            Signal(cancellations, requestId).TrySetResult();
        }
    }

    /// <summary>Completes when the call with this <c>x-request-id</c> has reached the service.</summary>
    public Task Arrival(string requestId) => Signal(arrivals, requestId).Task;

    /// <summary>Completes when the service has seen the call with this <c>x-request-id</c> cancelled.</summary>
    public Task Cancellation(string requestId) => Signal(cancellations, requestId).Task;

    private static TaskCompletionSource Signal(ConcurrentDictionary<string, TaskCompletionSource> signals, string requestId) =>
        signals.GetOrAdd(requestId, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));

    public ObservedCall Observed(string requestId) =>
        calls.TryGetValue(requestId, out var call)
            ? call
            : throw new InvalidOperationException($"The downstream service saw no call with x-request-id {requestId}.");
}
