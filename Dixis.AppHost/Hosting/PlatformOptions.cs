namespace Dixis.AppHost.Hosting;

/// <summary>How the platform is run. The command line (<see cref="AppHostCommandLine"/>) and tests fill it in.</summary>
public sealed class PlatformOptions
{
    /// <summary>The dashboard's default port.</summary>
    public const int DefaultDashboardPort = 18888;

    /// <summary>Run the embedded defaults (SQLite, in-memory cache) even when redis-server or mongod is installed.</summary>
    public bool Embedded { get; set; }

    /// <summary>The dashboard's port on localhost; 0 picks a free port.</summary>
    public int DashboardPort { get; set; } = DefaultDashboardPort;

    /// <summary>Where services keep their data (<c>Persistence__DataDirectory</c>); null → the repository's <c>.data/</c> folder.</summary>
    public string? DataDirectory { get; set; }

    /// <summary>
    /// Give the gateway its well-known ports (8080 http, 8081 grpc) when they are free, so a developer's
    /// URLs stay the same from run to run. Off: every endpoint on a free port (tests, benchmark).
    /// </summary>
    public bool UseWellKnownPorts { get; set; }

    /// <summary><c>ASPNETCORE_ENVIRONMENT</c> and <c>DOTNET_ENVIRONMENT</c> of the services.</summary>
    public string EnvironmentName { get; set; } = "Development";

    /// <summary>Build configuration whose output is run (<c>bin/&lt;Configuration&gt;/…</c>); null → the AppHost's own.</summary>
    public string? Configuration { get; set; }

    /// <summary>Extra variables per resource name, on top of those the AppHost sets (e.g. a test's fake secret).</summary>
    public Dictionary<string, Dictionary<string, string>> AdditionalEnvironment { get; } = new(StringComparer.Ordinal);

    /// <summary>How long <see cref="DixisPlatform.StartAsync(PlatformOptions, CancellationToken)"/> waits for every resource to be healthy.</summary>
    public TimeSpan StartTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How long a process has to exit after SIGTERM before it is killed.</summary>
    public TimeSpan StopGracePeriod { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How many console lines are kept per resource.</summary>
    public int LogCapacity { get; set; } = 2000;

    /// <summary>Write the AppHost's own log (state changes) to the console.</summary>
    public bool LogToConsole { get; set; }

    /// <summary>Which resource console lines are repeated on the AppHost's console.</summary>
    public ConsoleEcho Echo { get; set; } = ConsoleEcho.None;
}
