using Dixis.Orders.Carts;
using Dixis.Persistence.Errors;
using Microsoft.Extensions.DependencyInjection;

namespace Dixis.Services.Tests.Orders.Carts;

/// <summary>
/// What every <see cref="ICartStore"/> guarantees, run against the store the Orders service actually chose: the
/// document store without Redis, Redis with <c>ConnectionStrings:cache</c>.
/// </summary>
public abstract class CartStoreContractTests(CartPlatformFixture fixture)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    /// <summary>The store class the service must have picked for this fixture.</summary>
    protected abstract Type ExpectedStore { get; }

    private ICartStore Store
    {
        get
        {
            if (fixture.SkipReason is { } reason)
            {
                Assert.Skip(reason);
            }

            return fixture.Platform.OrdersService.Services.GetRequiredService<ICartStore>();
        }
    }

    [Fact]
    public void The_service_uses_the_store_its_configuration_asks_for() => Assert.IsType(ExpectedStore, Store);

    [Fact]
    public async Task A_created_cart_reads_back_at_version_1()
    {
        var cart = NewCart(owner: null, lines: [Line("SKU-1", 2)]);

        var created = await Store.CreateAsync(cart, Cancellation);
        var read = await Store.GetAsync(cart.Id, Cancellation);

        Assert.Equal(1, created.Version);
        Assert.NotNull(read);
        Assert.Equal(1, read.Version);
        Assert.Equal(cart.Id, read.Cart.Id);
        Assert.Equal(cart.Lines, read.Cart.Lines);
        Assert.Null(read.Cart.CustomerUserId);
    }

    [Fact]
    public async Task Each_replace_needs_the_current_version_and_bumps_it()
    {
        var cart = NewCart(owner: null);
        await Store.CreateAsync(cart, Cancellation);

        var second = await Store.ReplaceAsync(cart with { Lines = [Line("SKU-1", 1)] }, 1, Cancellation);
        var stale = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Store.ReplaceAsync(cart with { Lines = [Line("SKU-2", 1)] }, 1, Cancellation));

        Assert.Equal(2, second.Version);
        Assert.Equal(1, stale.ExpectedVersion);
        var read = await Store.GetAsync(cart.Id, Cancellation);
        Assert.Equal(2, read!.Version);
        Assert.Equal("SKU-1", Assert.Single(read.Cart.Lines).Sku);
    }

    [Fact]
    public async Task Replacing_a_missing_cart_fails()
    {
        var cart = NewCart(owner: null);

        await Assert.ThrowsAsync<DocumentNotFoundException>(() => Store.ReplaceAsync(cart, 1, Cancellation));
    }

    [Fact]
    public async Task A_cart_id_is_taken_once()
    {
        var cart = NewCart(owner: null);
        await Store.CreateAsync(cart, Cancellation);

        await Assert.ThrowsAsync<DocumentAlreadyExistsException>(() => Store.CreateAsync(cart, Cancellation));
    }

    [Fact]
    public async Task An_owner_has_one_cart_found_by_their_id_until_it_is_deleted()
    {
        var owner = $"user-{Guid.NewGuid():N}";
        var cart = NewCart(owner);
        await Store.CreateAsync(cart, Cancellation);

        Assert.Equal(cart.Id, await Store.FindCustomerCartIdAsync(owner, Cancellation));
        await Assert.ThrowsAsync<UniqueIndexViolationException>(() => Store.CreateAsync(NewCart(owner), Cancellation));

        Assert.True(await Store.DeleteAsync(cart.Id, Cancellation));
        Assert.False(await Store.DeleteAsync(cart.Id, Cancellation));
        Assert.Null(await Store.GetAsync(cart.Id, Cancellation));
        Assert.Null(await Store.FindCustomerCartIdAsync(owner, Cancellation));

        var next = NewCart(owner);
        await Store.CreateAsync(next, Cancellation);
        Assert.Equal(next.Id, await Store.FindCustomerCartIdAsync(owner, Cancellation));
    }

    [Fact]
    public async Task An_expired_cart_is_gone_and_its_owner_may_start_a_new_one()
    {
        var owner = $"user-{Guid.NewGuid():N}";
        var nowMs = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var expiring = NewCart(owner) with { ExpireTimeMs = nowMs + 300 };
        await Store.CreateAsync(expiring, Cancellation);

        await Task.Delay(400, Cancellation);

        Assert.Null(await Store.GetAsync(expiring.Id, Cancellation));
        var next = NewCart(owner);
        await Store.CreateAsync(next, Cancellation);
        Assert.Equal(next.Id, await Store.FindCustomerCartIdAsync(owner, Cancellation));
    }

    [Fact]
    public async Task Parallel_replaces_at_one_version_let_exactly_one_win()
    {
        var cart = NewCart(owner: null);
        await Store.CreateAsync(cart, Cancellation);

        var attempts = await Task.WhenAll(Enumerable.Range(0, 10).Select(async i =>
        {
            try
            {
                await Store.ReplaceAsync(cart with { Lines = [Line($"SKU-{i}", 1)] }, 1, Cancellation);
                return true;
            }
            catch (ConcurrencyConflictException)
            {
                return false;
            }
        }));

        Assert.Equal(1, attempts.Count(won => won));
        Assert.Equal(2, (await Store.GetAsync(cart.Id, Cancellation))!.Version);
    }

    private static CartRecord NewCart(string? owner, IReadOnlyList<CartLineRecord>? lines = null)
    {
        var nowMs = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        return new CartRecord(CartIds.New(), owner, lines ?? [], nowMs, nowMs, nowMs + (long)TimeSpan.FromDays(1).TotalMilliseconds);
    }

    private static CartLineRecord Line(string sku, long quantity) => new(sku, quantity, 1250, "EUR", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
}

public sealed class DocumentCartStoreContractTests(DocumentStoreCartPlatform fixture) : CartStoreContractTests(fixture), IClassFixture<DocumentStoreCartPlatform>
{
    protected override Type ExpectedStore => typeof(DocumentCartStore);
}

public sealed class RedisCartStoreContractTests(RedisCartPlatform fixture) : CartStoreContractTests(fixture), IClassFixture<RedisCartPlatform>
{
    protected override Type ExpectedStore => typeof(RedisCartStore);
}
