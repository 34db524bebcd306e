namespace Dixis.AppHost.Logs;

/// <summary>One line a resource's process printed.</summary>
/// <param name="Sequence">Increasing per resource, starting at 1; clients resume after the last one they saw.</param>
/// <param name="Timestamp">When the AppHost read the line.</param>
/// <param name="Stream">Standard output or standard error.</param>
/// <param name="Text">The line, as printed (not encoded).</param>
public sealed record LogLine(long Sequence, DateTimeOffset Timestamp, LogStream Stream, string Text);
