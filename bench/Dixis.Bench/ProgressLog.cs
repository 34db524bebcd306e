namespace Dixis.Bench;

/// <summary>Progress lines for long steps, on stderr so that stdout holds only the result tables.</summary>
public sealed class ProgressLog(TextWriter writer, TimeProvider timeProvider)
{
    public void Step(string message) =>
        writer.WriteLine($"[{timeProvider.GetLocalNow():HH:mm:ss}] {message}");
}
