namespace Dixis.Bench.Scenarios;

/// <summary>What a scenario measures.</summary>
public enum ScenarioKind
{
    /// <summary>Throughput and latency under load from h2load or wrk, next to the echo ceiling.</summary>
    Load,

    /// <summary>
    /// One <c>SearchService/RebuildSearchIndex</c> straight to Catalog, followed with <c>GetSearchIndex</c> until the
    /// index is ready again: the rebuild's duration as the service reports it, and Catalog's peak memory.
    /// </summary>
    Rebuild,

    /// <summary>
    /// Throughput and latency under load from the harness's own gRPC client (<see cref="Scenario.Workload"/>), for calls
    /// that differ on every request (idempotency keys, carts), next to the echo ceiling.
    /// </summary>
    Client,
}
