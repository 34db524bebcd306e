namespace Dixis.Catalog.Cli.CommandLine;

/// <summary>What the tool's exit code means, so scripts can trust a zero.</summary>
public static class ExitCodes
{
    /// <summary>Everything done; for an import, no row failed.</summary>
    public const int Success = 0;

    /// <summary>A step failed, or an import rejected rows.</summary>
    public const int Failed = 1;

    /// <summary>The command line was wrong; nothing was done.</summary>
    public const int Usage = 2;

    /// <summary>Stopped by Ctrl+C or SIGTERM.</summary>
    public const int Cancelled = 130;
}
