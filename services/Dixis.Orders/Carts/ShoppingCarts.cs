using Dixis.Contracts.Orders.V1;
using Dixis.Orders.Model;
using Dixis.Orders.Pricing;
using Dixis.Persistence.Errors;
using Dixis.ServiceDefaults.Grpc;
using Dixis.ServiceDefaults.Security;
using Microsoft.Extensions.Options;

namespace Dixis.Orders.Carts;

/// <summary>
/// Guest and signed-in carts: who may see which cart, every change re-applied on a version conflict, and every answer
/// re-read from the catalog (<see cref="CatalogVariants"/>, priced by <see cref="CartPricing"/>). A guest cart is reached
/// by its unguessable id alone; a signed-in user's cart only by its owner — anyone else is told it does not exist.
/// </summary>
public sealed partial class ShoppingCarts(
    ICartStore store,
    CatalogVariants catalog,
    CartLocks locks,
    IOptions<CartOptions> options,
    TimeProvider timeProvider,
    ILogger<ShoppingCarts> logger)
{
    /// <summary>
    /// How many merged guest carts a signed-in cart remembers: a repeated merge comes right after the first (a retry
    /// or a second tab), and a guest cart is deleted once merged, so a few are plenty.
    /// </summary>
    private const int MergedGuestCartsRemembered = 8;

    private CartOptions Options => options.Value;

    /// <summary>A new guest cart, or the signed-in caller's own cart (the existing one when they have one).</summary>
    public async Task<Cart> CreateAsync(Caller caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var stored = caller.Subject is { } owner
            ? await GetOrCreateOwnAsync(owner, cancellationToken)
            : await store.CreateAsync(NewCart(customerUserId: null), cancellationToken);
        return await ViewAsync(stored, null, cancellationToken);
    }

    public async Task<Cart> GetAsync(string cartId, Caller caller, CancellationToken cancellationToken)
    {
        Require("cart_id", cartId);
        return await ViewAsync(await ReadAsync(cartId, caller, cancellationToken), null, cancellationToken);
    }

    /// <summary>The signed-in caller's cart, created empty when they have none.</summary>
    public async Task<Cart> GetMineAsync(Caller caller, CancellationToken cancellationToken) =>
        await ViewAsync(await GetOrCreateOwnAsync(SignedIn(caller), cancellationToken), null, cancellationToken);

    /// <summary>
    /// The cart <paramref name="cartId"/> as stored, when <paramref name="caller"/> may use it (a guest cart, or their own);
    /// for checkout, which prices its lines with <see cref="CatalogVariants"/> and <see cref="CartPricing"/> as the cart view does.
    /// </summary>
    /// <exception cref="global::Grpc.Core.RpcException"><c>NOT_FOUND</c> CART_NOT_FOUND: no such cart, expired, or another user's.</exception>
    public async Task<StoredCart> ReadAsync(string cartId, Caller caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var stored = CartIds.IsWellFormed(cartId) ? await store.GetAsync(cartId, cancellationToken) : null;
        if (stored is null || !stored.Cart.IsOpenTo(caller.Subject))
        {
            throw CartErrors.CartNotFound(cartId.Length <= 64 ? cartId : cartId[..64]);
        }

        return stored;
    }

    /// <summary>Adds units of a SKU that is on sale; a line already in the cart grows, up to the most a line may hold.</summary>
    public async Task<Cart> AddLineAsync(string cartId, string sku, long quantity, Caller caller, CancellationToken cancellationToken)
    {
        ValidateLine(cartId, sku, quantity);
        var stored = await ReadAsync(cartId, caller, cancellationToken);
        var variants = await catalog.LookupAsync(stored.Cart.Lines.Select(line => line.Sku).Append(sku), cancellationToken);
        var variant = variants.Find(sku);
        if (variant is null || !variants.IsOnSale(sku) || variant.Price.CurrencyCode != Options.CurrencyCode)
        {
            throw CartErrors.SkuUnavailable(sku);
        }

        var nowMs = NowMs();
        return await ChangeAsync(stored, caller, variants, cart =>
        {
            var index = IndexOf(cart, sku);
            if (index < 0)
            {
                if (cart.Lines.Count >= Options.MaxLines)
                {
                    throw CartErrors.TooManyLines(Options.MaxLines);
                }

                return cart with { Lines = [.. cart.Lines, new CartLineRecord(sku, quantity, variant.Price.AmountMinor, variant.Price.CurrencyCode, nowMs)] };
            }

            // The shopper adds while seeing today's price, so the line's reference price moves with it.
            var line = cart.Lines[index];
            return WithLine(cart, index, line with
            {
                Quantity = Math.Min(line.Quantity + quantity, Options.MaxQuantity),
                AddedUnitPriceMinor = variant.Price.AmountMinor,
                CurrencyCode = variant.Price.CurrencyCode,
            });
        }, cancellationToken);
    }

    /// <summary>Sets the quantity of a line that is in the cart.</summary>
    public async Task<Cart> UpdateLineAsync(string cartId, string sku, long quantity, Caller caller, CancellationToken cancellationToken)
    {
        ValidateLine(cartId, sku, quantity);
        var stored = await ReadAsync(cartId, caller, cancellationToken);
        var variants = await catalog.LookupAsync(stored.Cart.Lines.Select(line => line.Sku), cancellationToken);
        var variant = variants.Find(sku);
        return await ChangeAsync(stored, caller, variants, cart =>
        {
            var index = IndexOf(cart, sku);
            if (index < 0)
            {
                throw RpcErrors.InvalidField(CartErrors.Domain, "sku", $"SKU '{sku}' is not in the cart; add it first");
            }

            var line = cart.Lines[index];
            return WithLine(cart, index, line with
            {
                Quantity = quantity,
                AddedUnitPriceMinor = variant?.Price.AmountMinor ?? line.AddedUnitPriceMinor,
                CurrencyCode = variant?.Price.CurrencyCode ?? line.CurrencyCode,
            });
        }, cancellationToken);
    }

    /// <summary>Removes a line; removing a SKU that is not in the cart changes nothing.</summary>
    public async Task<Cart> RemoveLineAsync(string cartId, string sku, Caller caller, CancellationToken cancellationToken)
    {
        var violations = new FieldViolations();
        Require(violations, "cart_id", cartId);
        Require(violations, "sku", sku);
        violations.ThrowIfAny(CartErrors.Domain);
        var stored = await ReadAsync(cartId, caller, cancellationToken);
        return await ChangeAsync(stored, caller, null, cart =>
            IndexOf(cart, sku) < 0 ? null : cart with { Lines = [.. cart.Lines.Where(line => line.Sku != sku)] },
            cancellationToken);
    }

    /// <summary>Removes every line (also what checkout does once the order exists).</summary>
    public async Task<Cart> ClearAsync(string cartId, Caller caller, CancellationToken cancellationToken)
    {
        Require("cart_id", cartId);
        var stored = await ReadAsync(cartId, caller, cancellationToken);
        return await ChangeAsync(stored, caller, null, cart => cart.Lines.Count == 0 ? null : cart with { Lines = [] }, cancellationToken);
    }

    /// <summary>
    /// Moves a guest cart's lines into the signed-in caller's cart (quantities of one SKU added, capped) and deletes
    /// the guest cart, in three steps that can each be interrupted and run again without losing or doubling a line:
    /// the merge first claims the guest cart (a write at the version read, which closes it to everyone else, so two
    /// users or two tabs cannot both take its lines), then writes the lines into the caller's cart together with the
    /// guest cart's id (so a repeated merge finds them already there), and only then deletes the guest cart.
    /// </summary>
    public async Task<Cart> MergeAsync(string guestCartId, Caller caller, CancellationToken cancellationToken)
    {
        Require("guest_cart_id", guestCartId);
        var owner = SignedIn(caller);
        var own = await GetOrCreateOwnAsync(owner, cancellationToken);
        for (var attempt = 1; ; attempt++)
        {
            var guest = CartIds.IsWellFormed(guestCartId) ? await store.GetAsync(guestCartId, cancellationToken) : null;
            if (guest is null || guest.Cart.Id == own.Cart.Id || (guest.Cart.MergingInto is { } target && target != own.Cart.Id))
            {
                // Nothing (left) to merge: gone, the caller's own cart, or claimed by another user's merge.
                return await ViewAsync(own, null, cancellationToken);
            }

            if (guest.Cart.CustomerUserId is not null)
            {
                throw CartErrors.CartNotFound(guestCartId);
            }

            // Read the catalog before anything changes, so a catalog outage fails the merge with nothing touched.
            var variants = await catalog.LookupAsync(own.Cart.Lines.Concat(guest.Cart.Lines).Select(line => line.Sku), cancellationToken);
            if (guest.Cart.MergingInto is null)
            {
                try
                {
                    guest = await store.ReplaceAsync(guest.Cart with { MergingInto = own.Cart.Id }, guest.Version, cancellationToken);
                }
                catch (ConcurrencyConflictException) when (attempt < Options.MaxWriteAttempts)
                {
                    // The guest cart changed (a line added in another tab) or another merge claimed it: look again.
                    continue;
                }
                catch (DocumentNotFoundException)
                {
                    return await ViewAsync(own, null, cancellationToken);
                }
            }

            var guestLines = guest.Cart.Lines;
            var merged = await ChangeAsync(own, caller, variants, cart => Merge(cart, guestCartId, guestLines), cancellationToken);
            await store.DeleteAsync(guestCartId, cancellationToken);
            LogMerged(logger, guestLines.Count, own.Cart.Id);
            return merged;
        }
    }

    /// <summary>The signed-in cart with the guest cart's lines added; null when it already has them.</summary>
    private CartRecord? Merge(CartRecord cart, string guestCartId, IReadOnlyList<CartLineRecord> guestLines)
    {
        var mergedBefore = cart.MergedGuestCartIds ?? [];
        if (mergedBefore.Contains(guestCartId, StringComparer.Ordinal))
        {
            return null;
        }

        return Merge(cart, guestLines) with { MergedGuestCartIds = [.. mergedBefore.TakeLast(MergedGuestCartsRemembered - 1), guestCartId] };
    }

    private CartRecord Merge(CartRecord cart, IReadOnlyList<CartLineRecord> guestLines)
    {
        var lines = cart.Lines.ToList();
        foreach (var guestLine in guestLines)
        {
            var index = lines.FindIndex(line => line.Sku == guestLine.Sku);
            if (index >= 0)
            {
                lines[index] = lines[index] with { Quantity = Math.Min(lines[index].Quantity + guestLine.Quantity, Options.MaxQuantity) };
            }
            else if (lines.Count < Options.MaxLines)
            {
                lines.Add(guestLine with { Quantity = Math.Min(guestLine.Quantity, Options.MaxQuantity) });
            }
            else
            {
                LogMergeLineDropped(logger, guestLine.Sku, cart.Id, Options.MaxLines);
            }
        }

        return cart with { Lines = lines };
    }

    /// <summary>
    /// Applies <paramref name="change"/> (null: nothing to change) and writes the cart if it is still at the version read;
    /// when another change landed first, reads the cart again and re-applies the change to it.
    /// </summary>
    private async Task<Cart> ChangeAsync(StoredCart first, Caller caller, VariantLookup? variants, Func<CartRecord, CartRecord?> change, CancellationToken cancellationToken)
    {
        StoredCart written;
        using (await locks.AcquireAsync(first.Cart.Id, cancellationToken))
        {
            var current = first;
            for (var attempt = 1; ; attempt++)
            {
                var changed = change(current.Cart);
                if (changed is null)
                {
                    written = current;
                    break;
                }

                var nowMs = NowMs();
                changed = changed with { UpdateTimeMs = nowMs, ExpireTimeMs = nowMs + (long)Lifetime(changed).TotalMilliseconds };
                try
                {
                    written = await store.ReplaceAsync(changed, current.Version, cancellationToken);
                    break;
                }
                catch (ConcurrencyConflictException) when (attempt < Options.MaxWriteAttempts)
                {
                    LogConflict(logger, current.Cart.Id, attempt);
                    if (attempt > 1)
                    {
                        // Writers on other replicas: spread the retries out a little.
                        await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(1, 5 * attempt)), timeProvider, cancellationToken);
                    }

                    current = await ReadAsync(current.Cart.Id, caller, cancellationToken);
                }
                catch (DocumentNotFoundException)
                {
                    // Deleted meanwhile (merged into a signed-in cart, or expired).
                    throw CartErrors.CartNotFound(current.Cart.Id);
                }
            }
        }

        return await ViewAsync(written, variants, cancellationToken);
    }

    /// <summary>The cart as the shopper sees it, priced from <paramref name="variants"/> when they cover its SKUs (else one new lookup).</summary>
    private async Task<Cart> ViewAsync(StoredCart stored, VariantLookup? variants, CancellationToken cancellationToken)
    {
        var skus = stored.Cart.Lines.Select(line => line.Sku).ToArray();
        if (variants is null || !variants.Covers(skus))
        {
            variants = await catalog.LookupAsync(skus, cancellationToken);
        }

        return CartMessages.ToMessage(stored, CartPricing.Price(stored.Cart.Lines, variants, Options.CurrencyCode));
    }

    private async Task<StoredCart> GetOrCreateOwnAsync(string owner, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            if (await store.FindCustomerCartIdAsync(owner, cancellationToken) is { } cartId
                && await store.GetAsync(cartId, cancellationToken) is { } existing
                && existing.Cart.CustomerUserId == owner)
            {
                return existing;
            }

            try
            {
                return await store.CreateAsync(NewCart(owner), cancellationToken);
            }
            catch (Exception clash) when (clash is UniqueIndexViolationException or DocumentAlreadyExistsException && attempt < Options.MaxWriteAttempts)
            {
                // Another request of the same user created their cart first: read that one.
            }
        }
    }

    private CartRecord NewCart(string? customerUserId)
    {
        var nowMs = NowMs();
        var cart = new CartRecord(CartIds.New(), customerUserId, [], nowMs, nowMs, 0);
        return cart with { ExpireTimeMs = nowMs + (long)Lifetime(cart).TotalMilliseconds };
    }

    private TimeSpan Lifetime(CartRecord cart) => cart.CustomerUserId is null ? Options.GuestCartLifetime : Options.CustomerCartLifetime;

    private long NowMs() => timeProvider.GetUtcNow().ToUnixTimeMilliseconds();

    private void ValidateLine(string cartId, string sku, long quantity)
    {
        var violations = new FieldViolations();
        Require(violations, "cart_id", cartId);
        Require(violations, "sku", sku);
        if (quantity < 1 || quantity > Options.MaxQuantity)
        {
            violations.Add("quantity", $"must be 1 to {Options.MaxQuantity}; got {quantity}", OrderErrors.Reason(ErrorReason.QuantityOutOfRange));
        }

        violations.ThrowIfAny(CartErrors.Domain);
    }

    private static void Require(string field, string value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw CartErrors.Required(field);
        }
    }

    private static void Require(FieldViolations violations, string field, string value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            violations.Add(field, "is required");
        }
    }

    private static string SignedIn(Caller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);

        // The contract admits only signed-in callers here (AccessRuleInterceptor); this guards a wrong rule.
        return caller.Subject ?? throw RpcErrors.Unauthenticated(CartErrors.Domain, RpcErrors.TokenMissingReason, "Sign in to use your cart.");
    }

    private static int IndexOf(CartRecord cart, string sku)
    {
        for (var i = 0; i < cart.Lines.Count; i++)
        {
            if (cart.Lines[i].Sku == sku)
            {
                return i;
            }
        }

        return -1;
    }

    private static CartRecord WithLine(CartRecord cart, int index, CartLineRecord line)
    {
        var lines = cart.Lines.ToArray();
        lines[index] = line;
        return cart with { Lines = lines };
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Debug, Message = "Cart {CartId} changed during a write (attempt {Attempt}); applying the change again")]
    private static partial void LogConflict(ILogger logger, string cartId, int attempt);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Merged a guest cart of {LineCount} lines into cart {CartId}")]
    private static partial void LogMerged(ILogger logger, int lineCount, string cartId);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "SKU {Sku} of a guest cart was not merged into cart {CartId}: it already holds {MaxLines} lines")]
    private static partial void LogMergeLineDropped(ILogger logger, string sku, string cartId, int maxLines);
}
