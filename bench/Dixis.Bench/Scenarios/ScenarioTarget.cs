namespace Dixis.Bench.Scenarios;

/// <summary>Which server a scenario's load goes to.</summary>
public enum ScenarioTarget
{
    /// <summary>The trivial echo server: the machine's ceiling, no platform started.</summary>
    EchoServer,

    /// <summary>
    /// A resource of the platform, started through the AppHost in Release: the gateway, or
    /// (to split a gateway figure into its parts) a service directly, as named by <see cref="Scenario.Resource"/>.
    /// </summary>
    Platform,
}
