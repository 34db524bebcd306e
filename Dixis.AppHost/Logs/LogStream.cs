namespace Dixis.AppHost.Logs;

/// <summary>Which output stream of a process a line came from.</summary>
public enum LogStream
{
    /// <summary>Standard output.</summary>
    StandardOutput,

    /// <summary>Standard error.</summary>
    StandardError,
}
