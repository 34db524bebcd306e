using Dixis.Contracts.Orders.V1;
using Dixis.Services.Tests.Commerce;
using Dixis.Testing.Tokens;
using Google.Rpc;
using Grpc.Core;

namespace Dixis.Services.Tests.Orders.Checkout;

/// <summary>The oversell test of the issue: many shoppers, few units, exactly as many orders as units.</summary>
public sealed class ConcurrentCheckoutTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_hundred_parallel_checkouts_of_ten_units_place_exactly_ten_orders()
    {
        await using var platform = await OrderPlatform.StartAsync();
        var oil = await platform.SeedProductAsync([new SeedVariant(1250, 10)]);
        var shoppers = Enumerable.Range(0, 100).Select(_ => new Shopper(platform)).ToList();
        var carts = await Task.WhenAll(shoppers.Select(shopper => shopper.CartAsync((oil.Sku, 1))));

        // Stock is sampled while the checkouts run: it must never be seen below zero.
        using var sampling = CancellationTokenSource.CreateLinkedTokenSource(Cancellation);
        var lowest = long.MaxValue;
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                lowest = Math.Min(lowest, (await platform.StockAsync(oil.Sku)).Available);
                await Task.Delay(10, CancellationToken.None);
            }
        }, CancellationToken.None);

        var outcomes = await Task.WhenAll(shoppers.Zip(carts).Select(async pair =>
        {
            try
            {
                return ((PlaceOrderResponse?)await pair.First.Place(Shopper.Request(pair.Second)), (RpcException?)null);
            }
            catch (RpcException error)
            {
                return (null, error);
            }
        }));
        await sampling.CancelAsync();
        await sampler.ContinueWith(_ => { }, TaskScheduler.Default);

        Assert.Equal(10, outcomes.Count(outcome => outcome.Item1 is not null));
        var failures = outcomes.Where(outcome => outcome.Item2 is not null).Select(outcome => outcome.Item2!).ToList();
        Assert.Equal(90, failures.Count);
        Assert.All(failures, failure =>
        {
            Assert.Equal(StatusCode.FailedPrecondition, failure.StatusCode);
            var status = failure.GetRpcStatus()!;
            Assert.Equal("OUT_OF_STOCK", status.GetDetail<ErrorInfo>().Reason);
            Assert.Contains(status.GetDetail<PreconditionFailure>().Violations, violation => violation.Subject == $"sku/{oil.Sku}");
        });

        var stock = await platform.StockAsync(oil.Sku);
        Assert.Equal(0, stock.Available);
        Assert.True(lowest >= 0, $"Available stock was seen at {lowest}.");
        var orders = await platform.Orders.ListOrdersAsync(new ListOrdersRequest { PageSize = 100 }, TestCallers.Admin, cancellationToken: Cancellation);
        Assert.Equal(10, orders.Orders.Count);
    }
}
