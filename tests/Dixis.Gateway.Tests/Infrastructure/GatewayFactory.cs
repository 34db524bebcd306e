using System.Globalization;
using Dixis.Gateway.Forwarding;
using Dixis.Testing;
using Dixis.Testing.Tokens;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Logging.Testing;

namespace Dixis.Gateway.Tests.Infrastructure;

/// <summary>
/// The real gateway in-process. Its downstream clients resolve the services through service discovery as in
/// production (<c>services__catalog__grpc__0</c> ...); only the last hop, the socket, is replaced by the
/// in-process servers of <see cref="DownstreamRouter"/>.
/// </summary>
public sealed class GatewayFactory(
    IReadOnlyDictionary<string, HttpMessageHandler> byPathPrefix,
    IReadOnlyDictionary<string, HttpMessageHandler> byHost,
    IReadOnlyDictionary<string, string?>? settingOverrides = null,
    bool trustTestTokens = true) : WebApplicationFactory<GrpcForwarder>
{
    public const string AllowedOrigin = "https://shop.dixis.test";

    /// <summary>A small limit, so oversize tests need not allocate megabytes.</summary>
    public const int MaxMessageSize = 64 * 1024;

    /// <summary>Everything the gateway logged.</summary>
    public FakeLogCollector Logs => Services.GetRequiredService<FakeLogCollector>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        var settings = new Dictionary<string, string?>
        {
            ["Gateway:AllowedOrigins:0"] = AllowedOrigin,
            ["Gateway:AllowedOrigins:1"] = "http://localhost:5173",
            ["Grpc:MaxReceiveMessageSize"] = MaxMessageSize.ToString(CultureInfo.InvariantCulture),
        };
        foreach (var service in new[] { "auth", "catalog", "orders", "shipping" })
        {
            settings[$"services:{service}:grpc:0"] = $"http://{service}.test";
        }

        foreach (var (key, value) in settingOverrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        // Added last, so these win over the gateway's appsettings files.
        builder.ConfigureAppConfiguration((_, configuration) => configuration.AddInMemoryCollection(settings));
        builder.ConfigureTestServices(services =>
        {
            services.AddFakeLogging();
            // The gateway validates tokens as in production, against the test issuer's key instead of the Auth service's,
            // unless a real Auth service stands behind auth.test.
            if (trustTestTokens)
            {
                services.TrustTestTokens(TestTokenIssuer.Shared);
            }

            services.PostConfigureAll<HttpClientFactoryOptions>(options =>
                options.HttpMessageHandlerBuilderActions.Add(handlers =>
                    handlers.PrimaryHandler = new DownstreamRouter(byPathPrefix, byHost)));
        });
    }
}
