using System.ComponentModel.DataAnnotations;

namespace Dixis.ServiceDefaults.Lifetime;

/// <summary>Shutdown and AppHost supervision (configuration section <c>Lifetime</c>).</summary>
public sealed class LifetimeOptions
{
    public const string SectionName = "Lifetime";

    /// <summary>Environment variable the AppHost sets to its own process id.</summary>
    public const string AppHostProcessIdVariable = "DIXIS_APPHOST_PID";

    /// <summary>Time in-flight requests get to finish once shutdown starts.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// The AppHost's process id, from <c>DIXIS_APPHOST_PID</c>; null when the service runs on its own.
    /// The service stops as soon as that process is gone, so that even a SIGKILLed AppHost leaves no orphans.
    /// </summary>
    [Range(1, int.MaxValue, ErrorMessage = "DIXIS_APPHOST_PID must be the positive process id of the AppHost.")]
    public int? AppHostProcessId { get; set; }

    /// <summary>How often the AppHost process is checked.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:00:01")]
    public TimeSpan AppHostPollInterval { get; set; } = TimeSpan.FromMilliseconds(250);
}
