using Dixis.Bench.Load;
using Dixis.Contracts.Orders.V1;
using Grpc.Net.Client;

namespace Dixis.Bench.Commerce;

/// <summary>
/// <c>cart.add_get</c>: each worker shops in a guest cart of its own through the gateway, alternating
/// <c>AddCartLine</c> (one unit of one of the three SKUs, in turn) and <c>GetCart</c> (the cart re-read and re-priced
/// from the catalog); every 200 operations it clears the cart so lines never reach the 999-unit cap.
/// </summary>
public sealed class CartWorkload : IClientWorkload
{
    private const int OperationsPerClear = 200;
    private readonly IReadOnlyList<string> skus;
    private readonly GrpcChannel[] channels;
    private readonly CartService.CartServiceClient[] clients;
    private readonly string[] cartIds;
    private readonly long[] operations;
    private readonly TimeProvider timeProvider;

    private CartWorkload(Uri gateway, int workers, IReadOnlyList<string> skus, TimeProvider timeProvider)
    {
        this.skus = skus;
        this.timeProvider = timeProvider;
        channels = [.. Enumerable.Range(0, workers).Select(_ => BenchChannels.Open(gateway))];
        clients = [.. channels.Select(channel => new CartService.CartServiceClient(channel))];
        cartIds = new string[workers];
        operations = new long[workers];
    }

    public static async Task<IClientWorkload> CreateAsync(ClientWorkloadContext context, int workers, CancellationToken cancellationToken)
    {
        var skus = await CommerceSkus.StockAsync(context.Platform, context.TimeProvider, cancellationToken);
        var workload = new CartWorkload(context.Gateway, workers, skus, context.TimeProvider);
        for (var worker = 0; worker < workers; worker++)
        {
            workload.cartIds[worker] = (await workload.clients[worker].CreateCartAsync(new CreateCartRequest(), deadline: workload.Deadline(), cancellationToken: cancellationToken)).Id;
        }

        context.Progress.Step($"cart.add_get: {workers} guest carts, SKUs {string.Join(", ", skus)}");
        return workload;
    }

    public Task PrepareAsync(LoadSettings settings, CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task ExecuteAsync(int worker, CancellationToken cancellationToken)
    {
        var operation = operations[worker]++;
        var client = clients[worker];
        var cartId = cartIds[worker];
        if (operation % OperationsPerClear == OperationsPerClear - 1)
        {
            await client.ClearCartAsync(new ClearCartRequest { CartId = cartId }, deadline: Deadline(), cancellationToken: cancellationToken);
        }
        else if (operation % 2 == 0)
        {
            var sku = skus[(int)(operation / 2 % skus.Count)];
            await client.AddCartLineAsync(new AddCartLineRequest { CartId = cartId, Sku = sku, Quantity = 1 }, deadline: Deadline(), cancellationToken: cancellationToken);
        }
        else
        {
            await client.GetCartAsync(new GetCartRequest { CartId = cartId }, deadline: Deadline(), cancellationToken: cancellationToken);
        }
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
