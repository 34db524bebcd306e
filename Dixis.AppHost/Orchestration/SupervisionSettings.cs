using Dixis.AppHost.Logs;

namespace Dixis.AppHost.Orchestration;

/// <summary>What every supervisor of a platform shares.</summary>
/// <param name="Time">The clock (back-off delays, uptime, log timestamps).</param>
/// <param name="Logger">Where state changes are logged.</param>
/// <param name="StopGracePeriod">How long a process has after SIGTERM before it is killed.</param>
/// <param name="LogCapacity">How many console lines are kept per resource.</param>
/// <param name="LineObserver">Called for each console line of each resource (e.g. to echo it), or null.</param>
internal sealed record SupervisionSettings(
    TimeProvider Time,
    ILogger Logger,
    TimeSpan StopGracePeriod,
    int LogCapacity,
    Action<string, LogLine>? LineObserver);
