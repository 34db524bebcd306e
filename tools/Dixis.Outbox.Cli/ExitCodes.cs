namespace Dixis.Outbox.Cli;

/// <summary>What the tool's exit code means, so scripts can trust a zero.</summary>
public static class ExitCodes
{
    /// <summary>Done; for a requeue, every named message was a dead letter and is due again.</summary>
    public const int Success = 0;

    /// <summary>The store could not be opened, or a named message was not a dead letter.</summary>
    public const int Failed = 1;

    /// <summary>The command line was wrong; nothing was done.</summary>
    public const int Usage = 2;
}
