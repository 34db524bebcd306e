using System.Collections.Concurrent;
using Dixis.Bench.Identity;
using Dixis.Bench.Load;
using Dixis.Contracts.Common.V1;
using Dixis.Contracts.Orders.V1;
using Grpc.Core;
using Grpc.Net.Client;

namespace Dixis.Bench.Commerce;

/// <summary>
/// <c>orders.place</c>: the signed-in bench customer checks out, through the gateway, carts of three lines from two
/// producers (two parcels) with cash on delivery to an Athens address, each with a fresh idempotency key. The carts are
/// filled before each run (setup, not measured), so the measured call is <c>PlaceOrder</c> alone: re-pricing, two
/// shipping quotes, VAT, the stock reservation, the order, its outbox effects.
/// </summary>
public sealed class PlaceOrderWorkload : IClientWorkload
{
    /// <summary>Carts are prepared for at most this rate; a run faster than that would run out and report it.</summary>
    private const int PreparedOrdersPerSecond = 300;

    private readonly IReadOnlyList<string> skus;
    private readonly BenchCustomer customer;
    private readonly GrpcChannel[] channels;
    private readonly OrderService.OrderServiceClient[] orders;
    private readonly CartService.CartServiceClient[] carts;
    private readonly ConcurrentQueue<string> filledCarts = new();
    private readonly ProgressLog progress;
    private readonly TimeProvider timeProvider;
    private Metadata signedIn = [];

    private PlaceOrderWorkload(ClientWorkloadContext context, int workers, IReadOnlyList<string> skus)
    {
        this.skus = skus;
        customer = context.Customer;
        progress = context.Progress;
        timeProvider = context.TimeProvider;
        channels = [.. Enumerable.Range(0, workers).Select(_ => BenchChannels.Open(context.Gateway))];
        orders = [.. channels.Select(channel => new OrderService.OrderServiceClient(channel))];
        carts = [.. channels.Select(channel => new CartService.CartServiceClient(channel))];
    }

    public static async Task<IClientWorkload> CreateAsync(ClientWorkloadContext context, int workers, CancellationToken cancellationToken)
    {
        var skus = await CommerceSkus.StockAsync(context.Platform, context.TimeProvider, cancellationToken);
        context.Progress.Step($"orders.place: SKUs {string.Join(", ", skus)} (two producers), cash on delivery");
        return new PlaceOrderWorkload(context, workers, skus);
    }

    /// <summary>Signs in anew (tokens live ten minutes) and fills guest carts for the warm-up and the window at the prepared rate.</summary>
    public async Task PrepareAsync(LoadSettings settings, CancellationToken cancellationToken)
    {
        signedIn = [new Metadata.Entry("authorization", $"Bearer {await customer.SignInAsync(cancellationToken)}")];
        var calls = (int)Math.Ceiling((settings.WarmUp + settings.Duration).TotalSeconds * PreparedOrdersPerSecond);
        var wanted = calls - filledCarts.Count;
        if (wanted <= 0)
        {
            return;
        }

        progress.Step($"orders.place: filling {wanted:N0} carts of 3 lines (setup, not measured)");
        await Parallel.ForAsync(0, wanted, new ParallelOptions { MaxDegreeOfParallelism = carts.Length, CancellationToken = cancellationToken }, async (index, token) =>
        {
            var client = carts[index % carts.Length];
            var cart = await client.CreateCartAsync(new CreateCartRequest(), deadline: Deadline(), cancellationToken: token);
            foreach (var sku in skus)
            {
                await client.AddCartLineAsync(new AddCartLineRequest { CartId = cart.Id, Sku = sku, Quantity = 1 }, deadline: Deadline(), cancellationToken: token);
            }

            filledCarts.Enqueue(cart.Id);
        });
    }

    public async Task ExecuteAsync(int worker, CancellationToken cancellationToken)
    {
        if (!filledCarts.TryDequeue(out var cartId))
        {
            throw new InvalidOperationException($"every prepared cart was ordered: the run placed more than {PreparedOrdersPerSecond} orders/s; raise PreparedOrdersPerSecond.");
        }

        await orders[worker].PlaceOrderAsync(
            new PlaceOrderRequest
            {
                RequestId = Guid.NewGuid().ToString(),
                CartId = cartId,
                PaymentMethod = PaymentMethod.CashOnDelivery,
                ShippingAddress = new PostalAddress
                {
                    RegionCode = "GR",
                    PostalCode = "10431",
                    Locality = "Αθήνα",
                    AddressLines = { "Πατησίων 10" },
                    RecipientName = "Bench Customer",
                    PhoneNumber = "+302101234567",
                },
            },
            signedIn,
            Deadline(),
            cancellationToken);
    }

    private DateTime Deadline() => timeProvider.GetUtcNow().UtcDateTime.AddSeconds(30);

    public ValueTask DisposeAsync()
    {
        foreach (var channel in channels)
        {
            channel.Dispose();
        }

        return ValueTask.CompletedTask;
    }
}
