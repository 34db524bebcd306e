namespace Dixis.Bench.Load;

/// <summary>Exact percentiles over every recorded sample (nearest rank), not estimates from mean and deviation.</summary>
public static class Percentiles
{
    /// <summary>The smallest sample such that at least <paramref name="percent"/> % of samples are at or below it.</summary>
    public static long NearestRank(IReadOnlyList<long> sortedSamples, double percent)
    {
        ArgumentOutOfRangeException.ThrowIfZero(sortedSamples.Count);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(percent);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(percent, 100);
        var rank = (int)Math.Ceiling(percent / 100 * sortedSamples.Count);
        return sortedSamples[Math.Max(rank, 1) - 1];
    }

    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        ArgumentOutOfRangeException.ThrowIfZero(sorted.Length);
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
