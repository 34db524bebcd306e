using Dixis.Contracts.Orders.V1;
using Dixis.Orders.Model;
using Dixis.Orders.Orders;
using Dixis.Persistence.Documents;
using Dixis.Persistence.Queries;
using Microsoft.Extensions.Options;

namespace Dixis.Orders.Payments;

/// <summary>
/// Fails card and bank-transfer orders not paid by their expiry: payment EXPIRED, order PAYMENT_FAILED, stock released
/// and the card's PaymentIntent cancelled, through the outbox. Each expiry is a versioned change that first checks the
/// order still awaits payment, so a payment landing at the same moment wins or loses cleanly.
/// </summary>
public sealed partial class PaymentExpirySweeper(
    OrderRepository orders, TimeProvider timeProvider, IOptions<PaymentOptions> options, ILogger<PaymentExpirySweeper> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.ExpirySweepInterval, timeProvider);
        do
        {
            try
            {
                var expired = await ExpireDueAsync(stoppingToken);
                if (expired > 0)
                {
                    LogSwept(logger, expired);
                }
            }
            catch (Exception failure) when (failure is not OperationCanceledException)
            {
                LogSweepFailed(logger, failure);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public async Task<int> ExpireDueAsync(CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var due = await orders.Orders.ListAllAsync(Filter.And(
            Filter.Eq("stage", nameof(CheckoutStage.Placed)),
            Filter.Eq("state", nameof(OrderState.PendingPayment)),
            Filter.Lte("expireTimeMs", now.ToUnixTimeMilliseconds())), cancellationToken, pageSize: 200);
        var expired = 0;
        foreach (var order in due)
        {
            await orders.ChangeAsync(order.Id, current =>
            {
                var value = current.Value;
                if (!PaymentTransitions.IsAwaitingPayment(value) || value.ExpireTimeMs > now.ToUnixTimeMilliseconds())
                {
                    return OrderChange.None;
                }

                expired++;
                return PaymentTransitions.Fail(value, PaymentState.Expired, "Not paid in time.", OrderHistory.System("sweeper"), "payment expired", now);
            }, cancellationToken);
        }

        return expired;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Expired {Count} unpaid orders")]
    private static partial void LogSwept(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Expiring unpaid orders failed; retrying at the next interval")]
    private static partial void LogSweepFailed(ILogger logger, Exception exception);
}
