using Dixis.Gateway.Tests.Infrastructure;

namespace Dixis.Gateway.Tests.RateLimiting;

/// <summary>Rate limits that are impossible, unsafe or misspelled stop the gateway at start, naming the setting.</summary>
public sealed class RateLimitOptionsValidationTests
{
    [Theory]
    [InlineData("Gateway:RateLimits:PerIp:Requests", "0", "Requests")]
    [InlineData("Gateway:RateLimits:PerUser:Burst", "0", "Burst")]
    [InlineData("Gateway:RateLimits:PerClient:Period", "00:00:00", "Period")]
    [InlineData("Gateway:RateLimits:Sensitive:Period", "00:00:00.001", "Gateway:RateLimits:Sensitive")]
    [InlineData("Gateway:RateLimits:Sensitive:Burst", "500", "must be at least as strict as PerIp")]
    [InlineData("Gateway:RateLimits:SensitiveMethods:0", "/dixis.auth.v1.AuthService/Logon", "/dixis.auth.v1.AuthService/Logon")]
    [InlineData("Gateway:RateLimits:RedisTimeout", "00:00:05", "RedisTimeout")]
    [InlineData("Gateway:RateLimits:MaxInMemoryKeys", "1", "MaxInMemoryKeys")]
    public void Invalid_rate_limits_stop_the_gateway_at_start(string key, string value, string expectedInError)
    {
        using var gateway = new GatewayFactory(
            new Dictionary<string, HttpMessageHandler>(),
            new Dictionary<string, HttpMessageHandler>(),
            new Dictionary<string, string?> { [key] = value });

        var failure = Assert.ThrowsAny<Exception>(() => gateway.Server);

        Assert.Contains(expectedInError, failure.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_rate_finer_than_a_microsecond_is_refused()
    {
        using var gateway = new GatewayFactory(
            new Dictionary<string, HttpMessageHandler>(),
            new Dictionary<string, HttpMessageHandler>(),
            new Dictionary<string, string?>
            {
                ["Gateway:RateLimits:PerClient:Requests"] = "1000000",
                ["Gateway:RateLimits:PerClient:Period"] = "00:00:00.001",
            });

        var failure = Assert.ThrowsAny<Exception>(() => gateway.Server);

        Assert.Contains("Gateway:RateLimits:PerClient", failure.ToString(), StringComparison.Ordinal);
        Assert.Contains("more than one per microsecond", failure.ToString(), StringComparison.Ordinal);
    }
}
