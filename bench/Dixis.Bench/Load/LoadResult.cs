using Dixis.Bench.Reporting;

namespace Dixis.Bench.Load;

/// <summary>What one measured window produced.</summary>
/// <param name="Requests">Requests completed in the measured window.</param>
/// <param name="RequestsPerSecond">Completed requests divided by the window's length.</param>
/// <param name="P50Milliseconds">Median request time (send to end of response).</param>
/// <param name="P99Milliseconds">99th percentile request time.</param>
/// <param name="HttpErrors">Requests that failed or got a non-2xx HTTP status, over the whole window.</param>
/// <param name="GrpcProbe">For gRPC: a sample of calls checked for <c>grpc-status</c> 0, which the load tools cannot see.</param>
public sealed record LoadResult(
    long Requests,
    double RequestsPerSecond,
    double P50Milliseconds,
    double P99Milliseconds,
    long HttpErrors,
    GrpcProbeResult? GrpcProbe)
{
    /// <summary>CPU µs per completed request of each measured process, over the measured window.</summary>
    public IReadOnlyList<ProcessCpu> Cpu { get; init; } = [];

    /// <summary>For client-driven loads: the first failed call's status and detail, when one failed.</summary>
    public string? FirstFailure { get; init; }
}
