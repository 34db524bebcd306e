using Microsoft.Extensions.DependencyInjection;

namespace Dixis.Services.Tests.Commerce;

/// <summary>What a test adds to the <see cref="CommercePlatform"/>'s services: settings and replaced services per service.</summary>
public sealed class CommerceSettings
{
    public CommerceServiceSettings Catalog { get; init; } = new();

    public CommerceServiceSettings Shipping { get; init; } = new();

    /// <summary>E.g. <c>ConnectionStrings:cache</c> for Redis-backed carts, or the Stripe settings.</summary>
    public CommerceServiceSettings Orders { get; init; } = new();

    /// <summary>
    /// More in-process hosts the services may call by host name (e.g. <c>stripe.test</c> for a fake API on a
    /// TestServer). Hosts neither here nor one of the platform's go out through the service's own handler.
    /// </summary>
    public Dictionary<string, HttpMessageHandler> Hosts { get; init; } = [];

    /// <summary>Orders with carts in Redis at <paramref name="connectionString"/> instead of the document store.</summary>
    public static CommerceSettings WithRedis(string connectionString) => new()
    {
        Orders = new CommerceServiceSettings { Values = { ["ConnectionStrings:cache"] = connectionString } },
    };
}

/// <summary>Extra settings and replaced services of one service of the <see cref="CommercePlatform"/>.</summary>
public sealed class CommerceServiceSettings
{
    /// <summary>Configuration values; they win over the platform's own.</summary>
    public Dictionary<string, string?> Values { get; init; } = [];

    /// <summary>Replaces services after the service registered its own, e.g. a <c>FakeTimeProvider</c>.</summary>
    public Action<IServiceCollection>? Services { get; init; }
}
