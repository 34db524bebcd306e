using Dixis.Services.Tests.Commerce;
using Dixis.Testing;

namespace Dixis.Services.Tests.Orders.Carts;

/// <summary>
/// One <see cref="CommercePlatform"/> for the cart tests of a class, with carts in the document store or in Redis;
/// tests keep out of each other's way with fresh products, carts and users.
/// </summary>
public abstract class CartPlatformFixture : IAsyncLifetime
{
    private CommercePlatform? platform;

    public CommercePlatform Platform => platform ?? throw new InvalidOperationException(SkipReason ?? "The platform is not started.");

    /// <summary>Why the tests of this store are skipped, or null when they run.</summary>
    public string? SkipReason { get; protected set; }

    public async ValueTask InitializeAsync()
    {
        var settings = await PrepareAsync();
        if (SkipReason is null)
        {
            platform = await CommercePlatform.StartAsync(settings);
        }
    }

    public virtual async ValueTask DisposeAsync()
    {
        if (platform is not null)
        {
            await platform.DisposeAsync();
        }
    }

    /// <summary>The platform's settings (and <see cref="SkipReason"/> when the store is not available here).</summary>
    protected abstract Task<CommerceSettings> PrepareAsync();
}

/// <summary>Carts in the orders service's document store (SQLite).</summary>
public sealed class DocumentStoreCartPlatform : CartPlatformFixture
{
    protected override Task<CommerceSettings> PrepareAsync() => Task.FromResult(new CommerceSettings());
}

/// <summary>Carts in a real redis-server; skipped with the reason when redis-server is not installed.</summary>
public sealed class RedisCartPlatform : CartPlatformFixture
{
    private readonly RedisServerFixture redis = new();

    protected override async Task<CommerceSettings> PrepareAsync()
    {
        await redis.InitializeAsync();
        SkipReason = redis.UnavailableReason;
        return CommerceSettings.WithRedis(redis.ConnectionString);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await redis.DisposeAsync();
    }
}
