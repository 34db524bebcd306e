using Dixis.Gateway.Tests.Infrastructure;

namespace Dixis.Gateway.Tests;

/// <summary>A misconfigured gateway refuses to start, naming the setting, instead of misbehaving later.</summary>
public sealed class StartupValidationTests
{
    [Theory]
    [InlineData("Gateway:AllowedOrigins:0", "*", "Gateway:AllowedOrigins")]
    [InlineData("Gateway:AllowedOrigins:0", "shop.dixis.test", "shop.dixis.test")]
    [InlineData("Gateway:AllowedOrigins:0", "https://shop.dixis.test/", "https://shop.dixis.test/")]
    [InlineData("Grpc:MaxReceiveMessageSize", "0", "MaxReceiveMessageSize")]
    public void Invalid_setting_stops_the_gateway_at_start(string key, string value, string expectedInError)
    {
        using var gateway = new GatewayFactory(
            new Dictionary<string, HttpMessageHandler>(),
            new Dictionary<string, HttpMessageHandler>(),
            new Dictionary<string, string?> { [key] = value });

        var failure = Assert.ThrowsAny<Exception>(() => gateway.Server);

        Assert.Contains(expectedInError, failure.ToString(), StringComparison.Ordinal);
    }
}
