namespace Dixis.AppHost.Logs;

/// <summary>
/// The most recent console lines of one resource, bounded so that a chatty process cannot grow the
/// AppHost's memory. Readers poll by sequence number and can await the next line (for live views).
/// </summary>
public sealed class LogRing
{
    private readonly Lock _gate = new();
    private readonly LogLine[] _lines;
    private long _lastSequence;
    private TaskCompletionSource _appended = NewSignal();

    /// <summary>Creates a ring keeping the last <paramref name="capacity"/> lines.</summary>
    public LogRing(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _lines = new LogLine[capacity];
    }

    /// <summary>How many lines the ring keeps.</summary>
    public int Capacity => _lines.Length;

    /// <summary>The sequence number of the newest line (0 when empty).</summary>
    public long LastSequence
    {
        get
        {
            lock (_gate)
            {
                return _lastSequence;
            }
        }
    }

    /// <summary>Adds a line, evicting the oldest when full, and wakes every waiting reader.</summary>
    public LogLine Append(LogStream stream, string text, DateTimeOffset timestamp)
    {
        TaskCompletionSource appended;
        LogLine line;
        lock (_gate)
        {
            line = new LogLine(++_lastSequence, timestamp, stream, text);
            _lines[(int)((line.Sequence - 1) % _lines.Length)] = line;
            appended = _appended;
            _appended = NewSignal();
        }

        appended.TrySetResult();
        return line;
    }

    /// <summary>The kept lines newer than <paramref name="afterSequence"/>, oldest first, at most the newest <paramref name="max"/>.</summary>
    public IReadOnlyList<LogLine> ReadAfter(long afterSequence, int max = int.MaxValue)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(afterSequence);
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        lock (_gate)
        {
            var oldestKept = Math.Max(1, _lastSequence - _lines.Length + 1);
            var first = Math.Max(Math.Max(afterSequence + 1, oldestKept), _lastSequence - max + 1);
            var result = new List<LogLine>((int)Math.Max(0, _lastSequence - first + 1));
            for (var sequence = first; sequence <= _lastSequence; sequence++)
            {
                result.Add(_lines[(int)((sequence - 1) % _lines.Length)]);
            }

            return result;
        }
    }

    /// <summary>Completes once a line newer than <paramref name="afterSequence"/> exists.</summary>
    public async Task WaitForLineAfterAsync(long afterSequence, CancellationToken cancellationToken)
    {
        while (true)
        {
            Task appended;
            lock (_gate)
            {
                if (_lastSequence > afterSequence)
                {
                    return;
                }

                appended = _appended.Task;
            }

            await appended.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
