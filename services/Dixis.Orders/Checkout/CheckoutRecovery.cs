using Dixis.Orders.Model;
using Dixis.Orders.Orders;
using Dixis.Persistence.Documents;
using Dixis.Persistence.Queries;
using Grpc.Core;
using Microsoft.Extensions.Options;

namespace Dixis.Orders.Checkout;

/// <summary>
/// Resumes checkouts whose process died between storing the order and placing it (at start, then every
/// <see cref="CheckoutOptions.RecoveryInterval"/>): an order in stage Reserving older than
/// <see cref="CheckoutOptions.RecoveryDelay"/> is completed (ReserveStock is idempotent by order id, the PaymentIntent
/// by payment id) or, when its stock is gone, abandoned and its reservation released. Runs on every replica; the
/// placement is conditional on the stage, so two replicas never place one order twice.
/// </summary>
public sealed partial class CheckoutRecovery(
    OrderRepository orders,
    CheckoutCompletion completion,
    TimeProvider timeProvider,
    IOptions<CheckoutOptions> options,
    ILogger<CheckoutRecovery> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.RecoveryInterval, timeProvider);
        do
        {
            try
            {
                await RecoverDueAsync(stoppingToken);
            }
            catch (Exception failure) when (failure is not OperationCanceledException)
            {
                LogRecoveryFailed(logger, failure);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Completes or abandons every stuck checkout; returns how many were looked at.</summary>
    public async Task<int> RecoverDueAsync(CancellationToken cancellationToken)
    {
        var cutoff = (timeProvider.GetUtcNow() - options.Value.RecoveryDelay).ToUnixTimeMilliseconds();
        var stuck = await orders.Orders.ListAllAsync(
            Filter.And(Filter.Eq("stage", nameof(CheckoutStage.Reserving)), Filter.Lte("createTimeMs", cutoff)), cancellationToken, pageSize: 100);
        foreach (var order in stuck)
        {
            try
            {
                var (placed, _) = await completion.CompleteAsync(order, cancellationToken);
                LogRecovered(logger, order.Id, placed.Value.State.ToString());
            }
            catch (RpcException failed) when (failed.StatusCode == StatusCode.FailedPrecondition)
            {
                LogAbandoned(logger, order.Id, failed.Status.Detail);
            }
            catch (RpcException unavailable) when (unavailable.StatusCode == StatusCode.Unavailable)
            {
                LogStillStuck(logger, order.Id, unavailable.Status.Detail);
            }
        }

        return stuck.Count;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Recovered checkout of order {OrderId}: placed as {State}")]
    private static partial void LogRecovered(ILogger logger, string orderId, string state);

    [LoggerMessage(Level = LogLevel.Information, Message = "Recovered checkout of order {OrderId} was abandoned: {Detail}")]
    private static partial void LogAbandoned(ILogger logger, string orderId, string detail);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Checkout of order {OrderId} is still stuck, retrying at the next interval: {Detail}")]
    private static partial void LogStillStuck(ILogger logger, string orderId, string detail);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Recovering stuck checkouts failed; retrying at the next interval")]
    private static partial void LogRecoveryFailed(ILogger logger, Exception exception);
}
