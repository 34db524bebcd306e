using Dixis.Gateway.Forwarding;
using Dixis.Gateway.Tests.Infrastructure;
using Dixis.Testing;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;

namespace Dixis.Gateway.Tests.TransportSecurity.Infrastructure;

/// <summary>
/// The real gateway on real Kestrel sockets, configured as an operator would: <c>Kestrel:Endpoints</c> with its
/// <c>http</c> (HTTP/1.1) and <c>grpc</c> (h2c) endpoints and, when given a certificate, an <c>https</c> endpoint
/// that names no protocols. Product calls are forwarded to an in-process <see cref="RecordingProductService"/>;
/// every other service is unreachable, as a closed port is.
/// </summary>
public sealed class KestrelGateway : WebApplicationFactory<GrpcForwarder>
{
    private readonly string environment;
    private readonly Dictionary<string, string?> settings;
    private readonly GrpcTestHost products;

    private KestrelGateway(string environment, Dictionary<string, string?> settings, GrpcTestHost products)
    {
        this.environment = environment;
        this.settings = settings;
        this.products = products;
        UseKestrel();
    }

    public Uri HttpAddress { get; private init; } = null!;

    public Uri GrpcAddress { get; private init; } = null!;

    public Uri HttpsAddress { get; private init; } = null!;

    public SelfSignedCertificate? Certificate { get; private init; }

    /// <summary>
    /// Configures the gateway; <see cref="WebApplicationFactory{TEntryPoint}.StartServer"/> starts it. With a
    /// certificate, the <c>https</c> endpoint reads its PEM pair, unless <paramref name="settingOverrides"/> says otherwise.
    /// </summary>
    public static async Task<KestrelGateway> CreateAsync(
        string environment,
        SelfSignedCertificate? certificate,
        IReadOnlyDictionary<string, string?>? settingOverrides = null)
    {
        var products = await GrpcTestHost.StartAsync<RecordingProductService>(services => services.AddSingleton<DownstreamRecorder>());
        var http = new Uri($"http://127.0.0.1:{FreePort.Next()}");
        var grpc = new Uri($"http://127.0.0.1:{FreePort.Next()}");
        var https = new Uri($"https://localhost:{FreePort.Next()}");
        var settings = new Dictionary<string, string?>
        {
            ["Kestrel:Endpoints:http:Url"] = http.ToString(),
            ["Kestrel:Endpoints:http:Protocols"] = "Http1",
            ["Kestrel:Endpoints:grpc:Url"] = grpc.ToString(),
            ["Kestrel:Endpoints:grpc:Protocols"] = "Http2",
            // A platform-wide default of Http2 (as for the cleartext gRPC endpoints) must not reach the https
            // endpoint, which names no protocols: browsers need HTTP/1.1 there too.
            ["Kestrel:EndpointDefaults:Protocols"] = "Http2",
            ["Gateway:AllowedOrigins:0"] = GatewayFactory.AllowedOrigin,
        };
        foreach (var service in new[] { "auth", "catalog", "orders", "shipping" })
        {
            settings[$"services:{service}:grpc:0"] = $"http://{service}.test";
        }

        if (certificate is not null)
        {
            settings["Kestrel:Endpoints:https:Url"] = https.ToString();
            settings["Kestrel:Endpoints:https:Certificate:Path"] = certificate.CertificatePemPath;
            settings["Kestrel:Endpoints:https:Certificate:KeyPath"] = certificate.KeyPemPath;
        }

        // A null value removes the setting (e.g. the PEM key path when a PFX is configured instead).
        foreach (var (key, value) in settingOverrides ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                settings.Remove(key);
            }
            else
            {
                settings[key] = value;
            }
        }

        return new KestrelGateway(environment, settings, products)
        {
            HttpAddress = http,
            GrpcAddress = grpc,
            HttpsAddress = https,
            Certificate = certificate,
        };
    }

    /// <summary>A client of the cleartext HTTP/1.1 endpoint.</summary>
    public HttpClient CleartextClient() => new() { BaseAddress = HttpAddress };

    /// <summary>A client of the HTTPS endpoint that speaks exactly <paramref name="version"/>, trusting the test certificate only.</summary>
    public HttpClient HttpsClient(Version version) =>
        new(TrustingHandler())
        {
            BaseAddress = HttpsAddress,
            DefaultRequestVersion = version,
            DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };

    /// <summary>A native gRPC channel over the HTTPS endpoint (HTTP/2 chosen by ALPN).</summary>
    public GrpcChannel HttpsGrpcChannel() =>
        GrpcChannel.ForAddress(HttpsAddress, new GrpcChannelOptions { HttpHandler = TrustingHandler() });

    /// <summary>A native gRPC channel over the cleartext h2c endpoint.</summary>
    public GrpcChannel CleartextGrpcChannel() => GrpcChannel.ForAddress(GrpcAddress);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseEnvironment(environment);

        // Added last, so these win over the gateway's appsettings files.
        builder.ConfigureAppConfiguration((_, configuration) => configuration.AddInMemoryCollection(settings));
        builder.ConfigureTestServices(services => services.PostConfigureAll<HttpClientFactoryOptions>(options =>
            options.HttpMessageHandlerBuilderActions.Add(handlers =>
                handlers.PrimaryHandler = new DownstreamRouter(
                    new Dictionary<string, HttpMessageHandler> { ["/dixis.catalog.v1.ProductService/"] = products.CreateHandler() },
                    new Dictionary<string, HttpMessageHandler>()))));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await products.DisposeAsync();
    }

    private SocketsHttpHandler TrustingHandler()
    {
        var certificate = Certificate ?? throw new InvalidOperationException("This gateway has no HTTPS endpoint.");
        return new SocketsHttpHandler
        {
            SslOptions = { RemoteCertificateValidationCallback = (_, presented, _, _) => certificate.IsPresentedBy(presented) },
        };
    }
}
