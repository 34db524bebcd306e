namespace Dixis.Bench.Scenarios;

/// <summary>Which server a scenario's load goes to.</summary>
public enum ScenarioTarget
{
    /// <summary>The trivial echo server: the machine's ceiling, no platform started.</summary>
    EchoServer,

    /// <summary>The platform's gateway, started through the AppHost in Release.</summary>
    Gateway,
}
