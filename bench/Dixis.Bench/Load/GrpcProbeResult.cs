namespace Dixis.Bench.Load;

/// <summary>How many sampled gRPC calls ended with a <c>grpc-status</c> other than 0, and the first such status.</summary>
public sealed record GrpcProbeResult(int Sent, int Failed, string? FirstFailure);
