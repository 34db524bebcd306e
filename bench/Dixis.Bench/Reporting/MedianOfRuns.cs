using Dixis.Bench.Load;
using Dixis.Bench.Metrics;

namespace Dixis.Bench.Reporting;

/// <summary>Folds several runs into one row per scenario holding the median of every column.</summary>
public static class MedianOfRuns
{
    public static IReadOnlyList<ScenarioMeasurement> Combine(IReadOnlyList<IReadOnlyList<ScenarioMeasurement>> runs) =>
        runs.SelectMany(run => run)
            .GroupBy(row => row.Scenario)
            .Select(Median)
            .ToList();

    private static ScenarioMeasurement Median(IGrouping<string, ScenarioMeasurement> rows)
    {
        var loads = rows.Select(r => r.Load).ToList();
        var probes = loads.Select(l => l.GrpcProbe).OfType<GrpcProbeResult>().ToList();
        var load = new LoadResult(
            (long)Percentiles.Median(loads.Select(l => (double)l.Requests)),
            Percentiles.Median(loads.Select(l => l.RequestsPerSecond)),
            Percentiles.Median(loads.Select(l => l.P50Milliseconds)),
            Percentiles.Median(loads.Select(l => l.P99Milliseconds)),
            (long)Percentiles.Median(loads.Select(l => (double)l.HttpErrors)),
            probes.Count == 0
                ? null
                : new GrpcProbeResult(probes[0].Sent, (int)Percentiles.Median(probes.Select(p => (double)p.Failed)), probes.Select(p => p.FirstFailure).FirstOrDefault(f => f is not null)))
        {
            Cpu = loads.SelectMany(l => l.Cpu)
                .GroupBy(p => p.Name)
                .Select(g =>
                {
                    var known = g.Select(p => p.MicrosecondsPerRequest).OfType<double>().ToList();
                    return new ProcessCpu(g.Key, known.Count == 0 ? null : Percentiles.Median(known));
                })
                .ToList(),
        };

        var peaks = rows.SelectMany(r => r.PeakMemory)
            .GroupBy(p => p.Name)
            .Select(g =>
            {
                var known = g.Select(p => p.Bytes).OfType<long>().Select(b => (double)b).ToList();
                return new ProcessPeak(g.Key, known.Count == 0 ? null : (long)Percentiles.Median(known));
            })
            .ToList();

        var inService = rows.Select(r => r.InService).OfType<ServiceLatency>().ToList();
        var versusBaseline = rows.Select(r => r.VersusBaseline).OfType<double>().ToList();
        var first = rows.First();
        return new ScenarioMeasurement(
            first.Scenario,
            first.Protocol,
            load,
            Percentiles.Median(rows.Select(r => r.VersusEcho)),
            peaks,
            inService.Count == 0
                ? null
                : new ServiceLatency(
                    inService[0].Histogram,
                    Percentiles.Median(inService.Select(l => l.Count)),
                    Percentiles.Median(inService.Select(l => l.P50Milliseconds)),
                    Percentiles.Median(inService.Select(l => l.P99Milliseconds))),
            versusBaseline.Count == 0 ? null : Percentiles.Median(versusBaseline));
    }
}
