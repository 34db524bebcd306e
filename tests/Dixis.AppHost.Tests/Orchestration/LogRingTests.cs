using Dixis.AppHost.Logs;

namespace Dixis.AppHost.Tests.Orchestration;

public sealed class LogRingTests
{
    private static readonly DateTimeOffset At = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Keeps_only_the_newest_lines_when_full()
    {
        var ring = new LogRing(3);
        for (var i = 1; i <= 5; i++)
        {
            ring.Append(LogStream.StandardOutput, $"line {i}", At);
        }

        Assert.Equal(["line 3", "line 4", "line 5"], ring.ReadAfter(0).Select(l => l.Text));
        Assert.Equal([3L, 4L, 5L], ring.ReadAfter(0).Select(l => l.Sequence));
        Assert.Equal(5, ring.LastSequence);
    }

    [Fact]
    public void Reads_after_a_sequence_and_at_most_the_newest_max()
    {
        var ring = new LogRing(10);
        for (var i = 1; i <= 6; i++)
        {
            ring.Append(i % 2 == 0 ? LogStream.StandardError : LogStream.StandardOutput, $"line {i}", At);
        }

        Assert.Equal(["line 5", "line 6"], ring.ReadAfter(4).Select(l => l.Text));
        Assert.Equal(["line 5", "line 6"], ring.ReadAfter(0, max: 2).Select(l => l.Text));
        Assert.Empty(ring.ReadAfter(6));
        Assert.Equal(LogStream.StandardError, ring.ReadAfter(5).Single().Stream);
    }

    [Fact]
    public async Task A_waiting_reader_wakes_at_the_next_line()
    {
        var ring = new LogRing(10);
        ring.Append(LogStream.StandardOutput, "first", At);

        var waiting = ring.WaitForLineAfterAsync(1, TestContext.Current.CancellationToken);
        Assert.False(waiting.IsCompleted);
        ring.Append(LogStream.StandardOutput, "second", At);

        await waiting.WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);
        Assert.True(ring.WaitForLineAfterAsync(0, TestContext.Current.CancellationToken).IsCompletedSuccessfully);
    }

    [Fact]
    public void Invalid_arguments_are_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new LogRing(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new LogRing(5).ReadAfter(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new LogRing(5).ReadAfter(0, max: 0));
    }
}
