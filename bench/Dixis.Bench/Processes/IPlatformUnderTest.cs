namespace Dixis.Bench.Processes;

/// <summary>The whole platform, running in Release, whose gateway a scenario drives; disposing it stops every process.</summary>
public interface IPlatformUnderTest : IAsyncDisposable
{
    /// <summary>The gateway's native gRPC endpoint (cleartext HTTP/2).</summary>
    Uri GatewayGrpc { get; }

    /// <summary>The gateway's HTTP/1.1 endpoint (JSON, gRPC-Web).</summary>
    Uri GatewayHttp { get; }

    /// <summary>Every platform process, for the peak-memory column.</summary>
    IReadOnlyList<MeasuredProcess> Processes { get; }

    /// <summary>Crash restarts since start; non-zero means some figures were taken across a crash.</summary>
    int Restarts { get; }
}
