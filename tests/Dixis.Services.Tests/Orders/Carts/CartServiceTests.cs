using Dixis.Contracts.Catalog.V1;
using Dixis.Contracts.Orders.V1;
using Dixis.Services.Tests.Commerce;
using Dixis.Services.Tests.Infrastructure;
using Dixis.Testing.Tokens;
using Dixis.Orders.Carts;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;

namespace Dixis.Services.Tests.Orders.Carts;

/// <summary>
/// The cart as a shopper uses it, against the real Orders, Catalog and Shipping services: guest and signed-in carts,
/// ownership, merge, bad input, and what a line reports when the producer changes the catalog. Run once per store.
/// </summary>
public abstract class CartServiceTests(CartPlatformFixture fixture)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private CommercePlatform Platform
    {
        get
        {
            if (fixture.SkipReason is { } reason)
            {
                Assert.Skip(reason);
            }

            return fixture.Platform;
        }
    }

    private CartService.CartServiceClient Carts => Platform.Carts;

    private ICartStore CartStore => Platform.OrdersService.Services.GetRequiredService<ICartStore>();

    private static string NewUser() => $"customer-{Guid.NewGuid():N}";

    [Fact]
    public async Task A_guest_adds_lines_and_sees_them_priced_named_and_totalled_from_the_catalog()
    {
        var oil = await Platform.SeedProductAsync([new SeedVariant(PriceMinor: 1250, Label: "500 ml"), new SeedVariant(PriceMinor: 2100, Label: "1 l")]);
        var honey = await Platform.SeedProductAsync([new SeedVariant(PriceMinor: 899)]);

        var created = await Carts.CreateCartAsync(new CreateCartRequest(), cancellationToken: Cancellation);
        Assert.Empty(created.Lines);
        Assert.Equal(string.Empty, created.CustomerUserId);
        Assert.Equal(0, created.ItemCount);
        Assert.Equal(0, created.Subtotal.AmountMinor);
        Assert.True(created.ExpireTime.ToDateTimeOffset() > DateTimeOffset.UtcNow.AddDays(29), "A guest cart lives about a month.");

        await Carts.AddCartLineAsync(new AddCartLineRequest { CartId = created.Id, Sku = oil.Skus[1], Quantity = 2 }, cancellationToken: Cancellation);
        var cart = await Carts.AddCartLineAsync(new AddCartLineRequest { CartId = created.Id, Sku = honey.Sku, Quantity = 3 }, cancellationToken: Cancellation);

        Assert.Equal([oil.Skus[1], honey.Sku], cart.Lines.Select(line => line.Sku));
        var line = cart.Lines[0];
        Assert.Equal(2, line.Quantity);
        Assert.Equal(2100, line.UnitPrice.AmountMinor);
        Assert.Equal("EUR", line.UnitPrice.CurrencyCode);
        Assert.Equal(4200, line.LineTotal.AmountMinor);
        Assert.Equal("Koroneiki extra virgin olive oil", line.ProductName.Values["en"]);
        Assert.Equal("1 l", line.VariantLabel.Values["en"]);
        Assert.Equal("https://images.dixis.example/oil.jpg", line.ImageUri);
        Assert.Equal(oil.Product.Slug, line.ProductSlug);
        Assert.Equal(oil.Product.Id, line.ProductId);
        Assert.Equal(oil.Producer.Id, line.ProducerId);
        Assert.Empty(line.Notes);
        Assert.Equal(4200 + 3 * 899, cart.Subtotal.AmountMinor);
        Assert.Equal(5, cart.ItemCount);

        var read = await Carts.GetCartAsync(new GetCartRequest { CartId = created.Id }, cancellationToken: Cancellation);
        Assert.Equal(cart, read);
        Assert.NotEqual(created.Etag, read.Etag);
    }

    [Fact]
    public async Task Guest_cart_ids_are_long_random_and_distinct()
    {
        var first = await Carts.CreateCartAsync(new CreateCartRequest(), cancellationToken: Cancellation);
        var second = await Carts.CreateCartAsync(new CreateCartRequest(), cancellationToken: Cancellation);

        Assert.NotEqual(first.Id, second.Id);
        Assert.True(first.Id.Length >= 22, $"'{first.Id}' is too short to be unguessable (128 bits need 22 base64 characters).");
    }

    [Fact]
    public async Task Adding_a_sku_again_grows_its_line_up_to_999()
    {
        var product = await Platform.SeedProductAsync();
        var cart = await NewGuestCartAsync();

        await AddAsync(cart.Id, product.Sku, 600);
        var added = await AddAsync(cart.Id, product.Sku, 600);

        Assert.Equal(999, Assert.Single(added.Lines).Quantity);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(1000)]
    public async Task A_quantity_outside_1_to_999_is_rejected_and_changes_nothing(long quantity)
    {
        var product = await Platform.SeedProductAsync();
        var cart = await NewGuestCartAsync();
        var before = await AddAsync(cart.Id, product.Sku, 2);

        var add = await RpcAssert.InvalidFieldAsync(
            () => Carts.AddCartLineAsync(new AddCartLineRequest { CartId = cart.Id, Sku = product.Sku, Quantity = quantity }, cancellationToken: Cancellation),
            "quantity",
            "QUANTITY_OUT_OF_RANGE");
        var update = await RpcAssert.InvalidFieldAsync(
            () => Carts.UpdateCartLineAsync(new UpdateCartLineRequest { CartId = cart.Id, Sku = product.Sku, Quantity = quantity }, cancellationToken: Cancellation),
            "quantity",
            "QUANTITY_OUT_OF_RANGE");

        Assert.Contains("1 to 999", add.Description, StringComparison.Ordinal);
        Assert.Contains("1 to 999", update.Description, StringComparison.Ordinal);
        Assert.Equal(before, await GetAsync(cart.Id));
    }

    [Fact]
    public async Task An_unknown_sku_is_rejected_with_SKU_UNAVAILABLE_and_changes_nothing()
    {
        var cart = await NewGuestCartAsync();

        var error = await RpcAssert.FailsAsync(
            () => Carts.AddCartLineAsync(new AddCartLineRequest { CartId = cart.Id, Sku = "NO-SUCH-SKU", Quantity = 1 }, cancellationToken: Cancellation),
            StatusCode.InvalidArgument,
            "SKU_UNAVAILABLE");

        RpcAssert.Violation(error, "sku", "SKU_UNAVAILABLE");
        Assert.Empty((await GetAsync(cart.Id)).Lines);
    }

    [Fact]
    public async Task An_archived_product_cannot_be_added()
    {
        var product = await Platform.SeedProductAsync();
        await ArchiveAsync(product);
        var cart = await NewGuestCartAsync();

        await RpcAssert.InvalidFieldAsync(
            () => Carts.AddCartLineAsync(new AddCartLineRequest { CartId = cart.Id, Sku = product.Sku, Quantity = 1 }, cancellationToken: Cancellation),
            "sku",
            "SKU_UNAVAILABLE");
        Assert.Empty((await GetAsync(cart.Id)).Lines);
    }

    [Fact]
    public async Task Missing_fields_are_named()
    {
        var error = await RpcAssert.FailsAsync(
            () => Carts.AddCartLineAsync(new AddCartLineRequest { Quantity = 1 }, cancellationToken: Cancellation),
            StatusCode.InvalidArgument);

        RpcAssert.Violation(error, "cart_id");
        RpcAssert.Violation(error, "sku");
        await RpcAssert.InvalidFieldAsync(() => Carts.GetCartAsync(new GetCartRequest(), cancellationToken: Cancellation), "cart_id");
    }

    [Theory]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("not-a-cart")]
    public async Task An_unknown_cart_is_not_found(string cartId)
    {
        await RpcAssert.FailsAsync(() => Carts.GetCartAsync(new GetCartRequest { CartId = cartId }, cancellationToken: Cancellation), StatusCode.NotFound, "CART_NOT_FOUND");
    }

    [Fact]
    public async Task Lines_are_updated_removed_and_cleared()
    {
        var first = await Platform.SeedProductAsync();
        var second = await Platform.SeedProductAsync();
        var cart = await NewGuestCartAsync();
        await AddAsync(cart.Id, first.Sku, 1);
        await AddAsync(cart.Id, second.Sku, 1);

        var updated = await Carts.UpdateCartLineAsync(new UpdateCartLineRequest { CartId = cart.Id, Sku = first.Sku, Quantity = 7 }, cancellationToken: Cancellation);
        Assert.Equal([7L, 1L], updated.Lines.Select(line => line.Quantity));

        var removed = await Carts.RemoveCartLineAsync(new RemoveCartLineRequest { CartId = cart.Id, Sku = first.Sku }, cancellationToken: Cancellation);
        Assert.Equal([second.Sku], removed.Lines.Select(line => line.Sku));

        var removedAgain = await Carts.RemoveCartLineAsync(new RemoveCartLineRequest { CartId = cart.Id, Sku = first.Sku }, cancellationToken: Cancellation);
        Assert.Equal(removed, removedAgain);

        await RpcAssert.InvalidFieldAsync(
            () => Carts.UpdateCartLineAsync(new UpdateCartLineRequest { CartId = cart.Id, Sku = first.Sku, Quantity = 2 }, cancellationToken: Cancellation),
            "sku");

        var cleared = await Carts.ClearCartAsync(new ClearCartRequest { CartId = cart.Id }, cancellationToken: Cancellation);
        Assert.Empty(cleared.Lines);
        Assert.Equal(0, cleared.Subtotal.AmountMinor);
        Assert.Equal(cleared, await GetAsync(cart.Id));
    }

    [Fact]
    public async Task A_signed_in_user_has_one_cart_whichever_way_they_ask_for_it()
    {
        var user = TestCallers.Customer(NewUser());

        var mine = await Carts.GetMyCartAsync(new GetMyCartRequest(), user, cancellationToken: Cancellation);
        var created = await Carts.CreateCartAsync(new CreateCartRequest(), user, cancellationToken: Cancellation);
        var createdAgain = await Carts.CreateCartAsync(new CreateCartRequest(), user, cancellationToken: Cancellation);

        Assert.Equal(mine.Id, created.Id);
        Assert.Equal(mine.Id, createdAgain.Id);
        Assert.NotEqual(string.Empty, mine.CustomerUserId);
        Assert.Equal(mine, await Carts.GetCartAsync(new GetCartRequest { CartId = mine.Id }, user, cancellationToken: Cancellation));
    }

    [Fact]
    public async Task A_signed_in_user_creating_their_cart_from_many_tabs_at_once_still_has_one()
    {
        var user = NewUser();

        var carts = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ =>
            Carts.GetMyCartAsync(new GetMyCartRequest(), TestCallers.Customer(user), cancellationToken: Cancellation).ResponseAsync));

        Assert.Single(carts.Select(cart => cart.Id).Distinct());
    }

    [Fact]
    public async Task Nobody_but_its_owner_reads_or_changes_a_signed_in_users_cart()
    {
        var product = await Platform.SeedProductAsync();
        var alice = TestCallers.Customer(NewUser());
        var cart = await Carts.GetMyCartAsync(new GetMyCartRequest(), alice, cancellationToken: Cancellation);
        var before = await Carts.AddCartLineAsync(new AddCartLineRequest { CartId = cart.Id, Sku = product.Sku, Quantity = 1 }, alice, cancellationToken: Cancellation);

        foreach (var other in new[] { TestCallers.Customer(NewUser()), TestCallers.Anonymous })
        {
            await RpcAssert.FailsAsync(() => Carts.GetCartAsync(new GetCartRequest { CartId = cart.Id }, other, cancellationToken: Cancellation), StatusCode.NotFound, "CART_NOT_FOUND");
            await RpcAssert.FailsAsync(() => Carts.AddCartLineAsync(new AddCartLineRequest { CartId = cart.Id, Sku = product.Sku, Quantity = 1 }, other, cancellationToken: Cancellation), StatusCode.NotFound, "CART_NOT_FOUND");
            await RpcAssert.FailsAsync(() => Carts.UpdateCartLineAsync(new UpdateCartLineRequest { CartId = cart.Id, Sku = product.Sku, Quantity = 5 }, other, cancellationToken: Cancellation), StatusCode.NotFound, "CART_NOT_FOUND");
            await RpcAssert.FailsAsync(() => Carts.RemoveCartLineAsync(new RemoveCartLineRequest { CartId = cart.Id, Sku = product.Sku }, other, cancellationToken: Cancellation), StatusCode.NotFound, "CART_NOT_FOUND");
            await RpcAssert.FailsAsync(() => Carts.ClearCartAsync(new ClearCartRequest { CartId = cart.Id }, other, cancellationToken: Cancellation), StatusCode.NotFound, "CART_NOT_FOUND");
        }

        await RpcAssert.FailsAsync(
            () => Carts.MergeCartAsync(new MergeCartRequest { GuestCartId = cart.Id }, TestCallers.Customer(NewUser()), cancellationToken: Cancellation),
            StatusCode.NotFound,
            "CART_NOT_FOUND");
        Assert.Equal(before, await Carts.GetCartAsync(new GetCartRequest { CartId = cart.Id }, alice, cancellationToken: Cancellation));
    }

    [Fact]
    public async Task Signing_in_merges_the_guest_cart_once_adding_quantities_up_to_999()
    {
        var shared = await Platform.SeedProductAsync();
        var guestOnly = await Platform.SeedProductAsync();
        var userOnly = await Platform.SeedProductAsync();
        var user = TestCallers.Customer(NewUser());
        var own = await Carts.GetMyCartAsync(new GetMyCartRequest(), user, cancellationToken: Cancellation);
        await Carts.AddCartLineAsync(new AddCartLineRequest { CartId = own.Id, Sku = userOnly.Sku, Quantity = 1 }, user, cancellationToken: Cancellation);
        await Carts.AddCartLineAsync(new AddCartLineRequest { CartId = own.Id, Sku = shared.Sku, Quantity = 900 }, user, cancellationToken: Cancellation);
        var guest = await NewGuestCartAsync();
        await AddAsync(guest.Id, shared.Sku, 200);
        await AddAsync(guest.Id, guestOnly.Sku, 4);

        var merged = await Carts.MergeCartAsync(new MergeCartRequest { GuestCartId = guest.Id }, user, cancellationToken: Cancellation);

        Assert.Equal(own.Id, merged.Id);
        Assert.Equal(
            [(userOnly.Sku, 1L), (shared.Sku, 999L), (guestOnly.Sku, 4L)],
            merged.Lines.Select(line => (line.Sku, line.Quantity)));
        await RpcAssert.FailsAsync(() => Carts.GetCartAsync(new GetCartRequest { CartId = guest.Id }, cancellationToken: Cancellation), StatusCode.NotFound, "CART_NOT_FOUND");

        var mergedAgain = await Carts.MergeCartAsync(new MergeCartRequest { GuestCartId = guest.Id }, user, cancellationToken: Cancellation);
        Assert.Equal(merged, mergedAgain);

        var intoItself = await Carts.MergeCartAsync(new MergeCartRequest { GuestCartId = own.Id }, user, cancellationToken: Cancellation);
        Assert.Equal(merged, intoItself);
    }

    [Fact]
    public async Task A_merge_interrupted_after_claiming_the_guest_cart_completes_when_run_again_with_every_line_once()
    {
        var product = await Platform.SeedProductAsync();
        var user = TestCallers.Customer(NewUser());
        var own = await Carts.GetMyCartAsync(new GetMyCartRequest(), user, cancellationToken: Cancellation);
        var guest = await NewGuestCartAsync();
        await AddAsync(guest.Id, product.Sku, 3);

        // What a merge that died right after its claim leaves behind: the guest cart claimed, the lines not yet moved.
        var stored = (await CartStore.GetAsync(guest.Id, Cancellation))!;
        await CartStore.ReplaceAsync(stored.Cart with { MergingInto = own.Id }, stored.Version, Cancellation);
        await RpcAssert.FailsAsync(() => Carts.AddCartLineAsync(new AddCartLineRequest { CartId = guest.Id, Sku = product.Sku, Quantity = 1 }, cancellationToken: Cancellation), StatusCode.NotFound, "CART_NOT_FOUND");

        var merged = await Carts.MergeCartAsync(new MergeCartRequest { GuestCartId = guest.Id }, user, cancellationToken: Cancellation);

        Assert.Equal([(product.Sku, 3L)], merged.Lines.Select(line => (line.Sku, line.Quantity)));
        Assert.Null(await CartStore.GetAsync(guest.Id, Cancellation));
    }

    [Fact]
    public async Task A_merge_interrupted_after_moving_the_lines_adds_nothing_when_run_again()
    {
        var product = await Platform.SeedProductAsync();
        var user = TestCallers.Customer(NewUser());
        var guest = await NewGuestCartAsync();
        await AddAsync(guest.Id, product.Sku, 3);
        var claimed = (await CartStore.GetAsync(guest.Id, Cancellation))!.Cart;
        var merged = await Carts.MergeCartAsync(new MergeCartRequest { GuestCartId = guest.Id }, user, cancellationToken: Cancellation);

        // What a merge that died just before deleting the guest cart leaves behind: the claimed guest cart is still there.
        await CartStore.CreateAsync(claimed with { MergingInto = merged.Id }, Cancellation);
        var again = await Carts.MergeCartAsync(new MergeCartRequest { GuestCartId = guest.Id }, user, cancellationToken: Cancellation);

        Assert.Equal([(product.Sku, 3L)], again.Lines.Select(line => (line.Sku, line.Quantity)));
        Assert.Null(await CartStore.GetAsync(guest.Id, Cancellation));
    }

    [Fact]
    public async Task Two_users_merging_one_guest_cart_at_once_take_its_lines_once_between_them()
    {
        var product = await Platform.SeedProductAsync();
        var guest = await NewGuestCartAsync();
        await AddAsync(guest.Id, product.Sku, 2);
        var users = Enumerable.Range(0, 4).Select(_ => TestCallers.Customer(NewUser())).ToArray();

        var carts = await Task.WhenAll(users.Select(user => Carts.MergeCartAsync(new MergeCartRequest { GuestCartId = guest.Id }, user, cancellationToken: Cancellation).ResponseAsync));

        Assert.Equal(2, carts.Sum(cart => cart.Lines.Sum(line => line.Quantity)));
        Assert.Null(await CartStore.GetAsync(guest.Id, Cancellation));
    }

    [Fact]
    public async Task Merging_needs_a_guest_cart_id_and_a_signed_in_caller()
    {
        var guest = await NewGuestCartAsync();

        await RpcAssert.InvalidFieldAsync(() => Carts.MergeCartAsync(new MergeCartRequest(), TestCallers.Customer(NewUser()), cancellationToken: Cancellation), "guest_cart_id");
        await RpcAssert.FailsAsync(() => Carts.MergeCartAsync(new MergeCartRequest { GuestCartId = guest.Id }, cancellationToken: Cancellation), StatusCode.Unauthenticated);
        await RpcAssert.FailsAsync(() => Carts.GetMyCartAsync(new GetMyCartRequest(), cancellationToken: Cancellation), StatusCode.Unauthenticated);
    }

    [Fact]
    public async Task A_line_reports_a_price_change_with_the_price_it_was_added_at()
    {
        var product = await Platform.SeedProductAsync([new SeedVariant(PriceMinor: 1000)]);
        var cart = await NewGuestCartAsync();
        await AddAsync(cart.Id, product.Sku, 2);

        await Platform.UpdateProductAsync(product, p => p.Variants[0].Price.AmountMinor = 1150, "variants");

        var line = Assert.Single((await GetAsync(cart.Id)).Lines);
        Assert.Equal(1150, line.UnitPrice.AmountMinor);
        Assert.Equal(2300, line.LineTotal.AmountMinor);
        var note = Assert.Single(line.Notes);
        Assert.Equal(CartLineNoteKind.PriceChanged, note.Kind);
        Assert.Equal(1000, note.PreviousUnitPrice.AmountMinor);
    }

    [Fact]
    public async Task A_line_reports_an_archived_product_and_leaves_the_subtotal()
    {
        var archived = await Platform.SeedProductAsync([new SeedVariant(PriceMinor: 500)]);
        var kept = await Platform.SeedProductAsync([new SeedVariant(PriceMinor: 700)]);
        var cart = await NewGuestCartAsync();
        await AddAsync(cart.Id, archived.Sku, 1);
        await AddAsync(cart.Id, kept.Sku, 1);

        await ArchiveAsync(archived);

        var read = await GetAsync(cart.Id);
        Assert.Contains(read.Lines[0].Notes, note => note.Kind == CartLineNoteKind.ProductArchived);
        Assert.Empty(read.Lines[1].Notes);
        Assert.Equal(700, read.Subtotal.AmountMinor);
        Assert.Equal(2, read.ItemCount);
    }

    [Fact]
    public async Task A_line_reports_stock_that_ran_out_or_runs_short()
    {
        var product = await Platform.SeedProductAsync([new SeedVariant(Stock: 10), new SeedVariant(Stock: 10)]);
        var cart = await NewGuestCartAsync();
        await AddAsync(cart.Id, product.Skus[0], 4);
        await AddAsync(cart.Id, product.Skus[1], 4);

        await TakeStockAsync(product.Skus[0], 10);
        await TakeStockAsync(product.Skus[1], 7);

        var read = await GetAsync(cart.Id);
        var outOfStock = Assert.Single(read.Lines[0].Notes);
        Assert.Equal(CartLineNoteKind.OutOfStock, outOfStock.Kind);
        Assert.Equal(0, outOfStock.AvailableQuantity);
        var short1 = Assert.Single(read.Lines[1].Notes);
        Assert.Equal(CartLineNoteKind.InsufficientStock, short1.Kind);
        Assert.Equal(3, short1.AvailableQuantity);
    }

    [Fact]
    public async Task Parallel_adds_to_one_cart_lose_no_line()
    {
        var products = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ =>
            Platform.SeedProductAsync([new SeedVariant(), new SeedVariant(), new SeedVariant(), new SeedVariant(), new SeedVariant()])));
        var skus = products.SelectMany(product => product.Skus).ToArray();
        var cart = await NewGuestCartAsync();

        await Task.WhenAll(skus.Select(sku => AddAsync(cart.Id, sku, 1)));

        var read = await GetAsync(cart.Id);
        Assert.Equal(20, read.Lines.Count);
        Assert.Equal(skus.Order(StringComparer.Ordinal), read.Lines.Select(line => line.Sku).Order(StringComparer.Ordinal));
    }

    private async Task<Cart> NewGuestCartAsync() => await Carts.CreateCartAsync(new CreateCartRequest(), cancellationToken: Cancellation);

    private async Task<Cart> AddAsync(string cartId, string sku, long quantity) =>
        await Carts.AddCartLineAsync(new AddCartLineRequest { CartId = cartId, Sku = sku, Quantity = quantity }, cancellationToken: Cancellation);

    private async Task<Cart> GetAsync(string cartId) => await Carts.GetCartAsync(new GetCartRequest { CartId = cartId }, cancellationToken: Cancellation);

    private async Task ArchiveAsync(SeededProduct product) =>
        await Platform.Catalog.Products.ArchiveProductAsync(new ArchiveProductRequest { ProductId = product.Product.Id }, TestCallers.Producer(product.Producer.Id), cancellationToken: Cancellation);

    private async Task TakeStockAsync(string sku, long units) =>
        await Platform.Catalog.Inventory.AdjustStockAsync(
            new AdjustStockRequest { Sku = sku, Delta = -units, Reason = AdjustmentReason.Damage, RequestId = Guid.NewGuid().ToString() },
            TestCallers.Admin,
            cancellationToken: Cancellation);
}

/// <summary>The cart with carts in the document store.</summary>
public sealed class DocumentStoreCartServiceTests(DocumentStoreCartPlatform fixture) : CartServiceTests(fixture), IClassFixture<DocumentStoreCartPlatform>;

/// <summary>The cart with carts in Redis.</summary>
public sealed class RedisCartServiceTests(RedisCartPlatform fixture) : CartServiceTests(fixture), IClassFixture<RedisCartPlatform>;
