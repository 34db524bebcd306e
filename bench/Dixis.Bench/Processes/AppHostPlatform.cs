namespace Dixis.Bench.Processes;

/// <summary>The platform started through the AppHost's in-process API.</summary>
public static class AppHostPlatform
{
    public static Task<IPlatformUnderTest> StartAsync(ProgressLog progress, CancellationToken cancellationToken) =>
        throw new BenchFailedException("the AppHost API is not available yet; only the echo scenario can run.");
}
