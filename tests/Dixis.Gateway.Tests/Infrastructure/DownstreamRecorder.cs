using System.Collections.Concurrent;
using Grpc.Core;

namespace Dixis.Gateway.Tests.Infrastructure;

/// <summary>What a downstream test service saw of each call, keyed by the caller's <c>x-request-id</c>.</summary>
public sealed class DownstreamRecorder
{
    private readonly ConcurrentDictionary<string, ObservedCall> calls = new(StringComparer.Ordinal);

    public void Record(ServerCallContext context)
    {
        var requestId = context.RequestHeaders.GetValue("x-request-id");
        if (requestId is not null)
        {
            calls[requestId] = new ObservedCall(
                [.. context.RequestHeaders.Select(entry => (entry.Key, entry.IsBinary ? Convert.ToBase64String(entry.ValueBytes) : entry.Value))],
                context.Deadline);
        }
    }

    public ObservedCall Observed(string requestId) =>
        calls.TryGetValue(requestId, out var call)
            ? call
            : throw new InvalidOperationException($"The downstream service saw no call with x-request-id {requestId}.");
}
