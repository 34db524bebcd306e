namespace Dixis.AppHost.Hosting;

/// <summary>Which console lines of the resources the AppHost repeats on its own console (all are in the dashboard).</summary>
public enum ConsoleEcho
{
    /// <summary>None: the console shows only the AppHost's own messages (tests, benchmark).</summary>
    None,

    /// <summary>Standard error only: crashes and unhandled exceptions stay visible without flooding the console.</summary>
    Errors,

    /// <summary>Every line, prefixed with the resource's name.</summary>
    All,
}
