using System.Globalization;

namespace Dixis.Bench.Metrics;

/// <summary>
/// One histogram's cumulative bucket counts (<c>le</c> upper bound → observations at or below it) read from the
/// Prometheus text format, summed over every other label set, so the exact exported name and labels do not matter.
/// </summary>
public sealed class HistogramBuckets
{
    private HistogramBuckets(IReadOnlyList<(double UpperBound, double Count)> buckets) => Buckets = buckets;

    /// <summary>Ascending by upper bound; the last is <c>+Inf</c>, whose count is every observation.</summary>
    public IReadOnlyList<(double UpperBound, double Count)> Buckets { get; }

    public double Count => Buckets.Count == 0 ? 0 : Buckets[^1].Count;

    /// <summary>
    /// The buckets of the first histogram whose name starts with <paramref name="namePrefix"/>, e.g.
    /// <c>dixis_catalog_search_duration</c> matches <c>dixis_catalog_search_duration_milliseconds_bucket</c>.
    /// </summary>
    /// <returns>Null when the text has no such histogram (nothing observed yet, or not exported).</returns>
    public static HistogramBuckets? Parse(string prometheusText, string namePrefix)
    {
        var byBound = new SortedDictionary<double, double>();
        string? metric = null;
        foreach (var raw in prometheusText.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line[0] == '#' || !line.StartsWith(namePrefix, StringComparison.Ordinal))
            {
                continue;
            }

            var nameEnd = line.IndexOfAny(['{', ' ']);
            var name = nameEnd < 0 ? line : line[..nameEnd];
            if (!name.EndsWith("_bucket", StringComparison.Ordinal) || (metric is not null && metric != name))
            {
                continue;
            }

            metric = name;
            var bound = LabelValue(line, "le");
            var valueText = line[(line.LastIndexOf('}') + 1)..].Trim().Split(' ')[0];
            if (bound is null || !double.TryParse(valueText, NumberStyles.Float, CultureInfo.InvariantCulture, out var count))
            {
                continue;
            }

            var upper = bound == "+Inf" ? double.PositiveInfinity : double.Parse(bound, NumberStyles.Float, CultureInfo.InvariantCulture);
            byBound[upper] = byBound.GetValueOrDefault(upper) + count;
        }

        return metric is null ? null : new HistogramBuckets([.. byBound.Select(pair => (pair.Key, pair.Value))]);
    }

    /// <summary>What was observed between <paramref name="before"/> and this scrape (counters only grow, unless the process restarted).</summary>
    public HistogramBuckets Since(HistogramBuckets? before)
    {
        if (before is null)
        {
            return this;
        }

        var earlier = before.Buckets.ToDictionary(b => b.UpperBound, b => b.Count);
        return new HistogramBuckets([.. Buckets.Select(b => (b.UpperBound, Math.Max(0, b.Count - earlier.GetValueOrDefault(b.UpperBound))))]);
    }

    /// <summary>
    /// The <paramref name="quantile"/> (0–1) by linear interpolation inside the bucket that holds it, as Prometheus's
    /// <c>histogram_quantile</c> does: precise only to the bucket bounds the service exports. A quantile in the
    /// <c>+Inf</c> bucket is reported as the highest finite bound. Null when nothing was observed.
    /// </summary>
    public double? Quantile(double quantile)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(quantile);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(quantile, 1);
        if (Count <= 0)
        {
            return null;
        }

        var rank = quantile * Count;
        var (lowerBound, lowerCount) = (0.0, 0.0);
        foreach (var (upperBound, count) in Buckets)
        {
            if (count >= rank && count > lowerCount)
            {
                if (double.IsPositiveInfinity(upperBound))
                {
                    return lowerBound;
                }

                return lowerBound + ((upperBound - lowerBound) * (rank - lowerCount) / (count - lowerCount));
            }

            (lowerBound, lowerCount) = (upperBound, count);
        }

        return lowerBound;
    }

    private static string? LabelValue(string line, string label)
    {
        var start = line.IndexOf($"{label}=\"", StringComparison.Ordinal);
        if (start < 0)
        {
            return null;
        }

        start += label.Length + 2;
        var end = line.IndexOf('"', start);
        return end < 0 ? null : line[start..end];
    }
}
