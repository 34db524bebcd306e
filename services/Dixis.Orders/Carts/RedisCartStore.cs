using System.Text.Json;
using Dixis.Persistence.Errors;
using StackExchange.Redis;

namespace Dixis.Orders.Carts;

/// <summary>
/// Carts in Redis, when <c>ConnectionStrings:cache</c> is set (the service defaults' shared connection). One hash per
/// cart (<c>v</c> version, <c>d</c> the cart as JSON, <c>c</c> the owner) whose key expires with the cart, and one key
/// per signed-in owner naming their cart. Every write is one Lua script, so checking the version and writing are one
/// atomic step on the server, as the document store's conditional writes are.
/// </summary>
/// <remarks>
/// The owner key is derived inside the delete script from the stored owner, so the scripts assume one Redis node (or
/// a primary with replicas), not Redis Cluster.
/// </remarks>
public sealed class RedisCartStore(IConnectionMultiplexer redis, TimeProvider timeProvider) : ICartStore
{
    private const string CartPrefix = "dixis:orders:cart:";
    private const string OwnerPrefix = "dixis:orders:cart-owner:";
    private const string Collection = "carts";

    // KEYS: cart [, owner]. ARGV: json, expireAtMs, cartId, cartPrefix, owner. -1: the id is taken; -2: the owner has a cart.
    private const string CreateScript = """
        if redis.call('EXISTS', KEYS[1]) == 1 then return -1 end
        if #KEYS == 2 then
          local current = redis.call('GET', KEYS[2])
          if current and redis.call('EXISTS', ARGV[4] .. current) == 1 then return -2 end
          redis.call('SET', KEYS[2], ARGV[3])
          redis.call('PEXPIREAT', KEYS[2], ARGV[2])
        end
        redis.call('HSET', KEYS[1], 'v', 1, 'd', ARGV[1], 'c', ARGV[5])
        redis.call('PEXPIREAT', KEYS[1], ARGV[2])
        return 1
        """;

    // KEYS: cart [, owner]. ARGV: expectedVersion, json, expireAtMs, cartId. -1: no such cart; -2: another version.
    private const string ReplaceScript = """
        local v = redis.call('HGET', KEYS[1], 'v')
        if not v then return -1 end
        if tonumber(v) ~= tonumber(ARGV[1]) then return -2 end
        local next = tonumber(v) + 1
        redis.call('HSET', KEYS[1], 'v', next, 'd', ARGV[2])
        redis.call('PEXPIREAT', KEYS[1], ARGV[3])
        if #KEYS == 2 then
          redis.call('SET', KEYS[2], ARGV[4])
          redis.call('PEXPIREAT', KEYS[2], ARGV[3])
        end
        return next
        """;

    // KEYS: cart. ARGV: ownerPrefix, cartId. The owner key goes only when it still names this cart.
    private const string DeleteScript = """
        local owner = redis.call('HGET', KEYS[1], 'c')
        local deleted = redis.call('DEL', KEYS[1])
        if owner and owner ~= '' then
          local key = ARGV[1] .. owner
          if redis.call('GET', key) == ARGV[2] then redis.call('DEL', key) end
        end
        return deleted
        """;

    private static readonly RedisValue[] CartFields = ["v", "d"];

    private IDatabase Database => redis.GetDatabase();

    public async Task<StoredCart?> GetAsync(string cartId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var fields = await Database.HashGetAsync(CartPrefix + cartId, CartFields);
        if (fields[0].IsNull || fields[1].IsNull)
        {
            return null;
        }

        var cart = JsonSerializer.Deserialize((string)fields[1]!, CartJsonContext.Default.CartRecord)!;

        // Redis expires the key by itself; the check keeps both stores answering alike to the service's clock.
        return cart.ExpireTimeMs <= timeProvider.GetUtcNow().ToUnixTimeMilliseconds() ? null : new StoredCart(cart, (long)fields[0]);
    }

    public async Task<string?> FindCustomerCartIdAsync(string customerUserId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var cartId = await Database.StringGetAsync(OwnerPrefix + customerUserId);
        return cartId.IsNull ? null : (string)cartId!;
    }

    public async Task<StoredCart> CreateAsync(CartRecord cart, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cart);
        cancellationToken.ThrowIfCancellationRequested();
        var result = (long)await Database.ScriptEvaluateAsync(
            CreateScript,
            Keys(cart),
            [Json(cart), cart.ExpireTimeMs, cart.Id, CartPrefix, cart.CustomerUserId ?? string.Empty]);
        return result switch
        {
            1 => new StoredCart(cart, 1),
            -1 => throw new DocumentAlreadyExistsException(Collection, cart.Id),
            _ => throw new UniqueIndexViolationException(Collection, "ux_carts_customerUserId"),
        };
    }

    public async Task<StoredCart> ReplaceAsync(CartRecord cart, long expectedVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cart);
        cancellationToken.ThrowIfCancellationRequested();
        var result = (long)await Database.ScriptEvaluateAsync(
            ReplaceScript,
            Keys(cart),
            [expectedVersion, Json(cart), cart.ExpireTimeMs, cart.Id]);
        return result switch
        {
            -1 => throw new DocumentNotFoundException(Collection, cart.Id),
            -2 => throw new ConcurrencyConflictException(Collection, cart.Id, expectedVersion),
            _ => new StoredCart(cart, result),
        };
    }

    public async Task<bool> DeleteAsync(string cartId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var deleted = (long)await Database.ScriptEvaluateAsync(DeleteScript, [CartPrefix + cartId], [OwnerPrefix, cartId]);
        return deleted > 0;
    }

    private static RedisKey[] Keys(CartRecord cart) =>
        cart.CustomerUserId is { } owner ? [CartPrefix + cart.Id, OwnerPrefix + owner] : [CartPrefix + cart.Id];

    private static string Json(CartRecord cart) => JsonSerializer.Serialize(cart, CartJsonContext.Default.CartRecord);
}
