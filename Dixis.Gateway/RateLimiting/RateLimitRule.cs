using System.ComponentModel.DataAnnotations;

namespace Dixis.Gateway.RateLimiting;

/// <summary>
/// One limit as GCRA (the generic cell rate algorithm) applies it: <see cref="Requests"/> per <see cref="Period"/>
/// on average, and at most <see cref="Burst"/> requests at once from an idle start. A refused request is not counted.
/// </summary>
public sealed class RateLimitRule
{
    [Range(1, 1_000_000)]
    public int Requests { get; set; }

    [Range(typeof(TimeSpan), "00:00:00.001", "1.00:00:00")]
    public TimeSpan Period { get; set; }

    [Range(1, 1_000_000)]
    public int Burst { get; set; }

    /// <summary>
    /// GCRA's emission interval, the time one request "costs", in microseconds: the resolution of Redis <c>TIME</c>,
    /// so the shared and the in-memory limiter compute alike.
    /// </summary>
    public long IntervalMicroseconds => Period.Ticks / TimeSpan.TicksPerMicrosecond / Math.Max(Requests, 1);

    /// <summary>GCRA's tolerance: how far ahead of now the theoretical arrival time may run, so that <see cref="Burst"/> requests pass at once.</summary>
    public long ToleranceMicroseconds => IntervalMicroseconds * (Burst - 1);

    public override string ToString() => $"{Requests} per {Period} (burst {Burst})";
}
