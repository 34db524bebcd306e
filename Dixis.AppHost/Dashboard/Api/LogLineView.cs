using Dixis.AppHost.Logs;

namespace Dixis.AppHost.Dashboard.Api;

/// <summary>A console line in the JSON API and the live stream.</summary>
public sealed record LogLineView(long Sequence, DateTimeOffset Timestamp, string Stream, string Text)
{
    /// <summary>The view of a line.</summary>
    public static LogLineView From(LogLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        return new(line.Sequence, line.Timestamp, line.Stream == LogStream.StandardError ? "stderr" : "stdout", line.Text);
    }
}
