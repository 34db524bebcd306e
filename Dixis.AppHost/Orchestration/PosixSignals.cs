using System.Runtime.InteropServices;

namespace Dixis.AppHost.Orchestration;

/// <summary>
/// Sends SIGTERM, which <see cref="System.Diagnostics.Process"/> cannot (its Kill is SIGKILL): a graceful
/// stop lets a service finish requests and flush telemetry, and lets Redis and MongoDB shut down cleanly.
/// </summary>
internal static partial class PosixSignals
{
    private const int SigTerm = 15;

    /// <summary>Asks the process to terminate; false when it is already gone or the platform has no signals.</summary>
    public static bool TryTerminate(int processId) =>
        !OperatingSystem.IsWindows() && Kill(processId, SigTerm) == 0;

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}
