using Dixis.Persistence.Documents;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Dixis.Persistence.Hosting;

/// <summary>Readiness: the store's engine answers a trivial request within the check's time.</summary>
internal sealed class DocumentStoreHealthCheck(IDocumentStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await store.PingAsync(cancellationToken);
            return HealthCheckResult.Healthy($"{store.Engine} store '{store.Definition.ServiceName}' answers.");
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, $"{store.Engine} store '{store.Definition.ServiceName}' does not answer.", ex);
        }
    }
}
