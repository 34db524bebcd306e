using Dixis.Bench.Load;
using Dixis.Bench.Metrics;

namespace Dixis.Bench.Reporting;

/// <summary>One row of a result table: a scenario's figures, its rate as a share of the echo ceiling, and peak memory.</summary>
/// <param name="Scenario">The scenario's name.</param>
/// <param name="Protocol">"grpc" or "json".</param>
/// <param name="Load">What the load tool measured.</param>
/// <param name="VersusEcho">This row's requests/s divided by the echo ceiling's requests/s in the same run.</param>
/// <param name="PeakMemory">Peak RSS of each process serving this row.</param>
/// <param name="InService">For scenarios with a service histogram: p50/p99 measured inside the service over the same window.</param>
/// <param name="VersusBaseline">For scenarios with a baseline: this row's requests/s divided by the baseline's in the same run; 1 on the baseline's own row.</param>
public sealed record ScenarioMeasurement(
    string Scenario,
    string Protocol,
    LoadResult Load,
    double VersusEcho,
    IReadOnlyList<ProcessPeak> PeakMemory,
    ServiceLatency? InService = null,
    double? VersusBaseline = null);
