using Dixis.Persistence.Documents;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Dixis.Persistence.Hosting;

/// <summary>
/// Degraded while the outbox holds dead letters: the service still answers, but effects it decided (a shipment, a
/// refund, a stock commit) did not happen and wait for an operator. Never Unhealthy, so readiness probes keep routing
/// traffic to it; whether the store answers at all is the store check's business.
/// </summary>
internal sealed class OutboxDeadLetterHealthCheck(IDocumentStore store) : IHealthCheck
{
    /// <summary>The registration name, shown in <c>/health</c>.</summary>
    public const string Name = "outbox";

    /// <summary>The key of the dead-letter count in <see cref="HealthCheckResult.Data"/>.</summary>
    public const string DeadLettersKey = "deadLetters";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var service = store.Definition.ServiceName;
        long count;
        try
        {
            count = await store.OutboxQueue.CountDeadLettersAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, $"The outbox of '{service}' could not count its dead letters.", ex);
        }

        var data = new Dictionary<string, object> { [DeadLettersKey] = count };
        return count == 0
            ? HealthCheckResult.Healthy($"The outbox of '{service}' has no dead letters.", data)
            : HealthCheckResult.Degraded(
                $"The outbox of '{service}' holds {count} dead letter(s): effects that were not delivered and are no longer retried. List and requeue them with dixis-outbox.",
                data: data);
    }
}
