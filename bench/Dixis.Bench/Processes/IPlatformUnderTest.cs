namespace Dixis.Bench.Processes;

/// <summary>The whole platform, running in Release, whose gateway a scenario drives; disposing it stops every process.</summary>
public interface IPlatformUnderTest : IAsyncDisposable
{
    /// <summary>A resource's endpoint URL, e.g. <c>Endpoint("gateway", "grpc")</c>.</summary>
    /// <exception cref="BenchFailedException">No such resource or endpoint.</exception>
    Uri Endpoint(string resource, string endpoint);

    /// <summary>Every platform process, for the peak-memory column.</summary>
    IReadOnlyList<MeasuredProcess> Processes { get; }

    /// <summary>Signs in as the platform's administrator, for the harness's own catalog calls (load, sample, rebuild).</summary>
    Task<Dixis.Catalog.Loading.CallerIdentity> SignInAsAdminAsync(CancellationToken cancellationToken);

    /// <summary>Crash restarts since start; non-zero means some figures were taken across a crash.</summary>
    int Restarts { get; }
}
