using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Dixis.Catalog.Search.Sync;

/// <summary>Readiness: not ready until the search index holds the whole catalog once (the first build at start).</summary>
public sealed class SearchIndexHealthCheck(SearchIndexStatus status) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var index = status.ToContract();
        return Task.FromResult(status.IsComplete
            ? HealthCheckResult.Healthy($"{index.Engine}: {index.DocumentCount} products, {index.State}.")
            : HealthCheckResult.Unhealthy($"{index.Engine}: building, {index.RebuildIndexedCount} of {index.RebuildTotalCount} products read."));
    }
}
