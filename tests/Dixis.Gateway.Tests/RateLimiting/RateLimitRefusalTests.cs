using System.Net;
using Dixis.Contracts.Auth.V1;
using Dixis.Contracts.Catalog.V1;
using Dixis.Gateway.Tests.Infrastructure;
using Google.Rpc;
using Grpc.Core;

namespace Dixis.Gateway.Tests.RateLimiting;

/// <summary>
/// A caller over its limit is refused before anything is forwarded, in its own protocol, with when to retry; other
/// callers are not affected; login and the other credential methods are limited far earlier than reads.
/// </summary>
public sealed class RateLimitRefusalTests(GatewayFixture fixture)
{
    private const int PerIp = 5;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_json_flood_from_one_address_gets_429_with_retry_after_and_a_resource_exhausted_status()
    {
        await using var gateway = new RateLimitedGateway(fixture, RateLimitedGateway.Limits(PerIp));
        var flooder = RateLimitedGateway.NewAddress();
        for (var call = 0; call < PerIp; call++)
        {
            Assert.Equal(HttpStatusCode.OK, await gateway.GetProductJsonStatusAsync(flooder, Cancellation));
        }

        using var refused = await gateway.GetProductJsonAsync(flooder, Cancellation);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        var retryAfter = refused.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        var status = await StatusBody.ReadAsync(refused, Cancellation);
        AssertRateLimited(status, "ip");
        AssertRetryAfterMatches(status, ((long)retryAfter.Value.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(HttpStatusCode.OK, await gateway.GetProductJsonStatusAsync(RateLimitedGateway.NewAddress(), Cancellation));
    }

    [Fact]
    public async Task A_native_grpc_flood_gets_resource_exhausted_with_retry_info_and_retry_after()
    {
        await using var gateway = new RateLimitedGateway(fixture, RateLimitedGateway.Limits(PerIp));
        await AssertFloodRefusedAsync(gateway.GrpcProducts, RateLimitedGateway.NewAddress());
        await gateway.GrpcProducts.GetProductAsync(new GetProductRequest { ProductId = "p-1" }, RateLimitedGateway.From(RateLimitedGateway.NewAddress()), cancellationToken: Cancellation);
    }

    [Fact]
    public async Task A_grpc_web_flood_gets_resource_exhausted_with_retry_info_and_retry_after()
    {
        await using var gateway = new RateLimitedGateway(fixture, RateLimitedGateway.Limits(PerIp));
        await AssertFloodRefusedAsync(gateway.GrpcWebProducts, RateLimitedGateway.NewAddress());
        await gateway.GrpcWebProducts.GetProductAsync(new GetProductRequest { ProductId = "p-1" }, RateLimitedGateway.From(RateLimitedGateway.NewAddress()), cancellationToken: Cancellation);
    }

    [Fact]
    public async Task The_protocols_share_one_limit_per_address()
    {
        await using var gateway = new RateLimitedGateway(fixture, RateLimitedGateway.Limits(PerIp));
        var address = RateLimitedGateway.NewAddress();
        await gateway.GrpcProducts.GetProductAsync(new GetProductRequest { ProductId = "p-1" }, RateLimitedGateway.From(address), cancellationToken: Cancellation);
        await gateway.GrpcWebProducts.GetProductAsync(new GetProductRequest { ProductId = "p-1" }, RateLimitedGateway.From(address), cancellationToken: Cancellation);
        for (var call = 2; call < PerIp; call++)
        {
            Assert.Equal(HttpStatusCode.OK, await gateway.GetProductJsonStatusAsync(address, Cancellation));
        }

        var refused = await Assert.ThrowsAsync<RpcException>(() =>
            gateway.GrpcProducts.GetProductAsync(new GetProductRequest { ProductId = "p-1" }, RateLimitedGateway.From(address), cancellationToken: Cancellation).ResponseAsync);
        Assert.Equal(StatusCode.ResourceExhausted, refused.StatusCode);
    }

    [Fact]
    public async Task Login_is_limited_far_earlier_than_a_catalog_read_in_every_protocol()
    {
        await using var gateway = new RateLimitedGateway(fixture, RateLimitedGateway.Limits(perIp: 20, sensitive: 2));
        var address = RateLimitedGateway.NewAddress();
        var auth = gateway.GrpcAuth;
        var login = new LoginRequest { Email = "maria@example.test", Password = "not-her-password" };

        // No auth service stands behind this gateway: the calls that pass the limit fail downstream, not here.
        for (var call = 0; call < 2; call++)
        {
            var forwarded = await Assert.ThrowsAsync<RpcException>(() => auth.LoginAsync(login, RateLimitedGateway.From(address), cancellationToken: Cancellation).ResponseAsync);
            Assert.NotEqual(StatusCode.ResourceExhausted, forwarded.StatusCode);
        }

        var refused = await Assert.ThrowsAsync<RpcException>(() => auth.LoginAsync(login, RateLimitedGateway.From(address), cancellationToken: Cancellation).ResponseAsync);
        Assert.Equal(StatusCode.ResourceExhausted, refused.StatusCode);
        AssertRateLimited(refused.GetRpcStatus()!, "sensitive");

        using var overJson = new HttpRequestMessage(HttpMethod.Post, new Uri("/v1/auth:register", UriKind.Relative))
        {
            Content = new StringContent("""{"email":"maria@example.test","password":"correct horse battery staple"}""", System.Text.Encoding.UTF8, "application/json"),
        };
        overJson.Headers.Add(ClientAddressStartupFilter.Header, address);
        using var registerRefused = await gateway.Json.SendAsync(overJson, Cancellation);
        Assert.Equal(HttpStatusCode.TooManyRequests, registerRefused.StatusCode);

        // The same address still reads the catalog: 3 sensitive calls counted against its per-IP limit of 20.
        for (var call = 0; call < 10; call++)
        {
            Assert.Equal(HttpStatusCode.OK, await gateway.GetProductJsonStatusAsync(address, Cancellation));
        }
    }

    [Fact]
    public async Task Health_and_unknown_routes_are_not_limited()
    {
        await using var gateway = new RateLimitedGateway(fixture, RateLimitedGateway.Limits(perIp: 1));
        var address = RateLimitedGateway.NewAddress();
        Assert.Equal(HttpStatusCode.OK, await gateway.GetProductJsonStatusAsync(address, Cancellation));
        Assert.Equal(HttpStatusCode.TooManyRequests, await gateway.GetProductJsonStatusAsync(address, Cancellation));

        for (var call = 0; call < 3; call++)
        {
            using var health = new HttpRequestMessage(HttpMethod.Get, new Uri("/health", UriKind.Relative));
            health.Headers.Add(ClientAddressStartupFilter.Header, address);
            using var healthResponse = await gateway.Json.SendAsync(health, Cancellation);
            Assert.Equal(HttpStatusCode.OK, healthResponse.StatusCode);

            using var unknown = new HttpRequestMessage(HttpMethod.Get, new Uri("/v1/nothing-here", UriKind.Relative));
            unknown.Headers.Add(ClientAddressStartupFilter.Header, address);
            using var unknownResponse = await gateway.Json.SendAsync(unknown, Cancellation);
            Assert.Equal(HttpStatusCode.NotFound, unknownResponse.StatusCode);
        }
    }

    private static async Task AssertFloodRefusedAsync(ProductService.ProductServiceClient products, string address)
    {
        for (var call = 0; call < PerIp; call++)
        {
            await products.GetProductAsync(new GetProductRequest { ProductId = "p-1" }, RateLimitedGateway.From(address), cancellationToken: Cancellation);
        }

        var refused = await Assert.ThrowsAsync<RpcException>(() =>
            products.GetProductAsync(new GetProductRequest { ProductId = "p-1" }, RateLimitedGateway.From(address), cancellationToken: Cancellation).ResponseAsync);

        Assert.Equal(StatusCode.ResourceExhausted, refused.StatusCode);
        AssertRateLimited(refused.GetRpcStatus()!, "ip");
        // A trailers-only answer: its HTTP headers are the call's trailers.
        AssertRetryAfterMatches(refused.GetRpcStatus()!, refused.Trailers.GetValue("retry-after"));
    }

    /// <summary>Retry-After is RetryInfo's delay in whole seconds, rounded up; one call costs a minute / 5 = 12 s.</summary>
    private static void AssertRetryAfterMatches(Google.Rpc.Status status, string? retryAfter)
    {
        var delay = status.GetDetail<RetryInfo>()!.RetryDelay.ToTimeSpan();
        Assert.InRange(delay, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(12));
        Assert.Equal(Math.Ceiling(delay.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture), retryAfter);
    }

    internal static void AssertRateLimited(Google.Rpc.Status status, string limit)
    {
        Assert.Equal((int)Code.ResourceExhausted, status.Code);
        var retry = status.GetDetail<RetryInfo>();
        Assert.NotNull(retry);
        Assert.InRange(retry.RetryDelay.ToTimeSpan(), TimeSpan.FromMilliseconds(1), TimeSpan.FromMinutes(1));
        var info = status.GetDetail<ErrorInfo>();
        Assert.NotNull(info);
        Assert.Equal("RATE_LIMITED", info.Reason);
        Assert.Equal("dixis.gateway", info.Domain);
        Assert.Equal(limit, info.Metadata["limit"]);
    }
}
