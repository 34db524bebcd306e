using System.Diagnostics;
using Dixis.AppHost.Hosting;

namespace Dixis.AppHost.Tests.Fixtures;

/// <summary>
/// One real platform (every service and the gateway as processes, Redis when installed) shared by the
/// tests of <see cref="PlatformCollection"/>: starting it is the expensive part.
/// </summary>
public sealed class PlatformFixture : IAsyncLifetime
{
    /// <summary>A fake secret given to catalog: the dashboard must never show its value.</summary>
    public const string FakeSecretKey = "DIXIS_TEST_API_KEY";

    /// <summary>The fake secret's value.</summary>
    public const string FakeSecretValue = "fixture-secret-3f9a1c";

    /// <summary>A variable whose value is a connection string with a password (the key itself says nothing secret).</summary>
    public const string FakeConnectionKey = "Dixis__Test__Connection";

    /// <summary>The password inside <see cref="FakeConnectionKey"/>.</summary>
    public const string FakeConnectionPassword = "fixture-password-77d2";

    private readonly DirectoryInfo _dataDirectory = Directory.CreateTempSubdirectory("dixis-apphost-tests-");

    /// <summary>The running platform.</summary>
    public DixisPlatform Platform { get; private set; } = null!;

    /// <summary>How long it took from start until every resource was healthy.</summary>
    public TimeSpan StartupTime { get; private set; }

    /// <summary>Where the services keep their data.</summary>
    public string DataDirectory => _dataDirectory.FullName;

    public async ValueTask InitializeAsync()
    {
        var options = new PlatformOptions
        {
            DataDirectory = DataDirectory,
            DashboardPort = 0,
            StartTimeout = TimeSpan.FromMinutes(3),
        };
        // Crash points of the orders process, armed one at a time by the crash tests (ArmOrdersCrashPoint).
        Directory.CreateDirectory(CrashPointDirectory);
        options.AdditionalEnvironment["orders"] = new() { ["Orders__CrashPoints__ArmDirectory"] = CrashPointDirectory };
        // The end-to-end tests register and sign in many users from one address; the limits stay on, just wider
        // than the production default of 10 sign-ins a minute per address (burst 5).
        options.AdditionalEnvironment["gateway"] = new()
        {
            ["Gateway__RateLimits__Sensitive__Requests"] = "600",
            ["Gateway__RateLimits__Sensitive__Burst"] = "100",
        };
        options.AdditionalEnvironment["catalog"] = new()
        {
            [FakeSecretKey] = FakeSecretValue,
            [FakeConnectionKey] = $"Host=db.internal;Username=app;Password={FakeConnectionPassword};Pooling=true",
        };

        var clock = Stopwatch.StartNew();
        Platform = await DixisPlatform.StartAsync(options, TestContext.Current.CancellationToken);
        StartupTime = clock.Elapsed;
    }

    /// <summary>Where the orders process looks for armed crash points (a test-only switch).</summary>
    public string CrashPointDirectory => Path.Combine(DataDirectory, "crash-points", "orders");

    /// <summary>Arms an orders crash point: the process kills itself the next time it reaches it (once).</summary>
    public void ArmOrdersCrashPoint(string name) => File.WriteAllText(Path.Combine(CrashPointDirectory, name), string.Empty);

    /// <summary>A client for the dashboard (HTML and JSON API).</summary>
    public HttpClient CreateDashboardClient() => new() { BaseAddress = Platform.DashboardUrl, Timeout = TimeSpan.FromSeconds(30) };

    public async ValueTask DisposeAsync()
    {
        if (Platform is not null)
        {
            await Platform.DisposeAsync();
        }

        _dataDirectory.Delete(recursive: true);
    }
}
