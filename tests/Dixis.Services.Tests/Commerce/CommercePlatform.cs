using System.Collections.Concurrent;
using Dixis.Contracts.Catalog.V1;
using Dixis.Contracts.Orders.V1;
using Dixis.Contracts.Shipping.V1;
using Dixis.Services.Tests.Catalog;
using Dixis.Services.Tests.Infrastructure;
using Dixis.Testing;
using Dixis.Testing.Tokens;
using Grpc.Net.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;

namespace Dixis.Services.Tests.Commerce;

/// <summary>
/// The real Catalog, Shipping and Orders services in-process, calling each other as in production: each resolves the
/// others through service discovery (<c>services:catalog:grpc:0=http://catalog.test</c> ...) and only the socket is
/// replaced, by the other TestServers' handlers. All trust <see cref="TestTokenIssuer.Shared"/> (see
/// <see cref="TestCallers"/>). The catalog has its demo category tree and producers, no demo products; tests seed
/// their own products with <see cref="SeedProductAsync"/> and keep out of each other's way with fresh SKUs and users.
/// </summary>
public sealed class CommercePlatform : IAsyncDisposable
{
    /// <summary>Catalog, Shipping and Orders, in the order they start (each may call the ones before it at start).</summary>
    public static IReadOnlyList<string> ServiceNames { get; } = ["catalog", "shipping", "orders"];

    private readonly CommerceSettings settings;
    private readonly string dataRoot = TemporaryDirectory.Create();
    private readonly ConcurrentDictionary<string, HttpMessageHandler> hosts = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, (IRunningService Service, GrpcChannel Channel)> running = new();

    private CommercePlatform(CommerceSettings settings)
    {
        this.settings = settings;
        foreach (var (host, handler) in settings.Hosts)
        {
            hosts[host] = handler;
        }
    }

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    /// <summary>The catalog's clients and the steps tests start from (producers, products, stock).</summary>
    public CatalogApi Catalog { get; private set; } = null!;

    public IRunningService CatalogService => Running("catalog").Service;

    public IRunningService ShippingService => Running("shipping").Service;

    public IRunningService OrdersService => Running("orders").Service;

    public GrpcChannel CatalogChannel => Running("catalog").Channel;

    public GrpcChannel ShippingChannel => Running("shipping").Channel;

    public GrpcChannel OrdersChannel => Running("orders").Channel;

    // Clients are created on each use (they are thin wrappers over a channel), so they follow a restarted service.
    public CartService.CartServiceClient Carts => new(OrdersChannel);

    public OrderService.OrderServiceClient Orders => new(OrdersChannel);

    public PaymentService.PaymentServiceClient Payments => new(OrdersChannel);

    public RateService.RateServiceClient Rates => new(ShippingChannel);

    public RateTableService.RateTableServiceClient RateTables => new(ShippingChannel);

    public ShipmentService.ShipmentServiceClient Shipments => new(ShippingChannel);

    public TrackingService.TrackingServiceClient Tracking => new(ShippingChannel);

    /// <summary>Starts the three services; when one fails to start, the ones already started are stopped again.</summary>
    public static async Task<CommercePlatform> StartAsync(CommerceSettings? settings = null)
    {
        var platform = new CommercePlatform(settings ?? new CommerceSettings());
        try
        {
            foreach (var name in ServiceNames)
            {
                await platform.StartServiceAsync(name);
            }

            platform.Catalog = new CatalogApi(platform.CatalogChannel);
            return platform;
        }
        catch
        {
            await platform.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Stops one service and starts it again on the same data directory, as a redeploy or a crash followed by a restart
    /// would; the others keep running and reach the new instance under the same host name.
    /// </summary>
    public async Task RestartAsync(string name)
    {
        await StopAsync(name);
        await StartServiceAsync(name);
        if (name == "catalog")
        {
            Catalog = new CatalogApi(CatalogChannel);
        }
    }

    /// <summary>
    /// Stops one service, as an outage would: the others' calls to it are refused as by a closed port until
    /// <see cref="RestartAsync"/> starts it again on the same data.
    /// </summary>
    public async Task StopAsync(string name)
    {
        if (running.TryRemove(name, out var old))
        {
            hosts.TryRemove(HostOf(name), out _);
            old.Channel.Dispose();
            await old.Service.DisposeAsync();
        }
    }

    /// <summary>
    /// A new producer (unless <paramref name="producer"/> is given) and an active product of the given variants (one
    /// at 12.50 EUR with 100 units by default), created and restocked through the catalog API as its producer and an
    /// admin would. <paramref name="customize"/> changes the product before it is created (tax class, name, ...).
    /// </summary>
    public async Task<SeededProduct> SeedProductAsync(IReadOnlyList<SeedVariant>? variants = null, Producer? producer = null, Action<Product>? customize = null)
    {
        variants ??= [new SeedVariant()];
        if (variants.Count == 0)
        {
            throw new ArgumentException("A product needs at least one variant.", nameof(variants));
        }

        producer ??= await Catalog.NewProducerAsync();
        var category = await Catalog.CategoryAsync("extra-virgin-olive-oil");
        var product = await Catalog.CreateProductAsync(producer, category, product =>
        {
            var template = product.Variants[0];
            product.Variants.Clear();
            for (var i = 0; i < variants.Count; i++)
            {
                var variant = template.Clone();
                variant.Sku = CatalogApi.Unique("SKU");
                variant.Price.AmountMinor = variants[i].PriceMinor;
                var label = variants[i].Label ?? $"{(i + 1) * 500} ml";
                variant.OptionValues[0].Value = CatalogApi.Text(("el", label), ("en", label));
                product.Variants.Add(variant);
            }

            customize?.Invoke(product);
        });

        var skus = product.Variants.Select(variant => variant.Sku).ToArray();
        for (var i = 0; i < variants.Count; i++)
        {
            if (variants[i].Stock > 0)
            {
                await Catalog.RestockAsync(skus[i], variants[i].Stock);
            }
        }

        return new SeededProduct(producer, product, skus);
    }

    /// <summary>Changes a seeded product as its producer would (price, status, ...), through the catalog API.</summary>
    public async Task<Product> UpdateProductAsync(SeededProduct seeded, Action<Product> change, string updateMask)
    {
        var product = await Catalog.Products.GetProductAsync(new GetProductRequest { ProductId = seeded.Product.Id }, TestCallers.Producer(seeded.Producer.Id), cancellationToken: Cancellation);
        change(product);
        return await Catalog.Products.UpdateProductAsync(
            new UpdateProductRequest { Product = product, UpdateMask = new Google.Protobuf.WellKnownTypes.FieldMask { Paths = { updateMask } } },
            TestCallers.Producer(seeded.Producer.Id),
            cancellationToken: Cancellation);
    }

    public async ValueTask DisposeAsync()
    {
        // Orders first: it calls the others, and its background work should stop before they do.
        foreach (var name in ServiceNames.Reverse())
        {
            if (running.TryRemove(name, out var service))
            {
                service.Channel.Dispose();
                await service.Service.DisposeAsync();
            }
        }

        TemporaryDirectory.Delete(dataRoot);
    }

    private (IRunningService Service, GrpcChannel Channel) Running(string name) =>
        running.TryGetValue(name, out var service) ? service : throw new InvalidOperationException($"The {name} service is not running.");

    private static string HostOf(string name) => $"{name}.test";

    private async Task StartServiceAsync(string name)
    {
        var extra = name switch
        {
            "catalog" => settings.Catalog,
            "shipping" => settings.Shipping,
            _ => settings.Orders,
        };

        var values = new Dictionary<string, string?>();
        if (name == "catalog")
        {
            foreach (var (key, value) in CatalogSettings.WithoutDemoProductsValues)
            {
                values[key] = value;
            }
        }

        foreach (var other in ServiceNames.Where(other => other != name))
        {
            values[$"services:{other}:grpc:0"] = $"http://{HostOf(other)}";
        }

        foreach (var (key, value) in extra.Values)
        {
            values[key] = value;
        }

        var serviceSettings = new ServiceSettings(Directory.CreateDirectory(Path.Combine(dataRoot, name)).FullName)
        {
            Values = values,
            Services = services =>
            {
                // Calls to the other services go to their TestServers; any other host (a fake API on a local port) goes
                // out through the handler the service would have used.
                services.PostConfigureAll<HttpClientFactoryOptions>(options =>
                    options.HttpMessageHandlerBuilderActions.Add(handlers =>
                        handlers.PrimaryHandler = new DownstreamRouter(hosts, handlers.PrimaryHandler)));
                extra.Services?.Invoke(services);
            },
        };

        var service = DixisServices.Start(name, serviceSettings);
        GrpcChannel? channel = null;
        try
        {
            // Touching the services starts the host: a configuration the service rejects fails here, not in a test's first call.
            _ = service.Services;
            channel = service.CreateGrpcChannel();
            hosts[HostOf(name)] = service.CreateHandler();
            running[name] = (service, channel);
        }
        catch
        {
            channel?.Dispose();
            await service.DisposeAsync();
            throw;
        }
    }
}
