using System.Net.Http.Headers;
using Dixis.Contracts.Auth.V1;
using Dixis.Contracts.Catalog.V1;
using Dixis.Contracts.Common.V1;
using Dixis.Gateway.Tests.Infrastructure;
using Grpc.Core;
using Grpc.Net.Client;
using Grpc.Net.Client.Web;

namespace Dixis.Gateway.Tests.Security;

/// <summary>
/// The real gateway in front of the real Auth and Catalog services, in-process, with no test keys anywhere: tokens come
/// from signing in at the Auth service, and the gateway and the catalog validate them against its JWKS and revocation
/// list, as in production. Shared by the security suite (OWASP API Security Top 10, 2023).
/// </summary>
public sealed class SecuredPlatform : IAsyncLifetime
{
    public const string AdminEmail = "security-admin@dixis.test";

    /// <summary>A password made for this run: long, and on no list of common passwords.</summary>
    public static readonly string AdminPassword = $"Adm!n-{Guid.NewGuid():N}";

    private AuthServiceFactory? auth;
    private CatalogServiceFactory? catalog;
    private GatewayFactory? gateway;

    public AuthServiceFactory Auth => auth ?? throw new InvalidOperationException("The platform is not started.");

    public CatalogServiceFactory Catalog => catalog ?? throw new InvalidOperationException("The platform is not started.");

    public GatewayFactory Gateway => gateway ?? throw new InvalidOperationException("The platform is not started.");

    public async ValueTask InitializeAsync()
    {
        auth = new AuthServiceFactory(AdminEmail, AdminPassword);
        _ = auth.Server;
        catalog = new CatalogServiceFactory(auth.Server.CreateHandler());
        _ = catalog.Server;
        gateway = CreateGateway();
        _ = gateway.Server;
        await Task.CompletedTask;
    }

    /// <summary>Another gateway in front of the same services, with some settings changed; the caller disposes it.</summary>
    public GatewayFactory CreateGateway(IReadOnlyDictionary<string, string?>? settingOverrides = null)
    {
        // The suite signs in often from one (test) address; floods are tested on purpose, with their own limits.
        var settings = new Dictionary<string, string?>
        {
            ["Authentication:RevocationsRefreshInterval"] = "00:00:00.200",
            ["Gateway:RateLimits:Enabled"] = "false",
        };
        foreach (var (key, value) in settingOverrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return new GatewayFactory(
            byPathPrefix: new Dictionary<string, HttpMessageHandler>(),
            byHost: new Dictionary<string, HttpMessageHandler>
            {
                ["auth.test"] = Auth.Server.CreateHandler(),
                ["catalog.test"] = Catalog.Server.CreateHandler(),
            },
            settings,
            trustTestTokens: false);
    }

    /// <summary>A native gRPC channel to the gateway (or to <paramref name="other"/>).</summary>
    public GrpcChannel GrpcChannel(GatewayFactory? other = null) =>
        Grpc.Net.Client.GrpcChannel.ForAddress((other ?? Gateway).Server.BaseAddress, new GrpcChannelOptions
        {
            HttpHandler = (other ?? Gateway).Server.CreateHandler(),
            MaxSendMessageSize = null,
        });

    /// <summary>A gRPC-Web channel to the gateway, as a browser client would use.</summary>
    public GrpcChannel GrpcWebChannel() =>
        Grpc.Net.Client.GrpcChannel.ForAddress(Gateway.Server.BaseAddress, new GrpcChannelOptions
        {
            HttpHandler = new GrpcWebHandler(GrpcWebMode.GrpcWeb, Gateway.Server.CreateHandler()),
            MaxSendMessageSize = null,
        });

    /// <summary>A native gRPC channel straight to the Catalog service, past the gateway (the service is its own wall).</summary>
    public GrpcChannel CatalogChannel() =>
        Grpc.Net.Client.GrpcChannel.ForAddress(Catalog.Server.BaseAddress, new GrpcChannelOptions { HttpHandler = Catalog.Server.CreateHandler() });

    /// <summary>An HTTP client for the gateway's JSON surface, with <paramref name="accessToken"/> when given.</summary>
    public HttpClient JsonClient(string? accessToken = null)
    {
        var client = Gateway.CreateClient();
        if (accessToken is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        }

        return client;
    }

    /// <summary>Registers a new customer through the gateway and returns their session.</summary>
    public async Task<SignedInUser> RegisterAsync(string name = "Δοκιμαστής")
    {
        using var channel = GrpcChannel();
        var email = $"user-{Guid.NewGuid():N}@dixis.test";
        var password = $"Pw-{Guid.NewGuid():N}";
        var response = await new AuthService.AuthServiceClient(channel).RegisterAsync(
            new RegisterRequest { Email = email, Password = password, DisplayName = name }, cancellationToken: TestContext.Current.CancellationToken);
        return new SignedInUser(response.UserId, email, password, response.Tokens.AccessToken, response.Tokens.RefreshToken);
    }

    /// <summary>Signs in through the gateway.</summary>
    public async Task<SignedInUser> LoginAsync(string email, string password)
    {
        using var channel = GrpcChannel();
        var response = await new AuthService.AuthServiceClient(channel).LoginAsync(
            new LoginRequest { Email = email, Password = password }, cancellationToken: TestContext.Current.CancellationToken);
        return new SignedInUser(response.UserId, email, password, response.Tokens.AccessToken, response.Tokens.RefreshToken);
    }

    public Task<SignedInUser> AdminAsync() => LoginAsync(AdminEmail, AdminPassword);

    /// <summary>A new user whom an admin made a producer of a new catalog producer, signed in again so the token says so.</summary>
    public async Task<(SignedInUser User, Producer Producer)> ProducerUserAsync()
    {
        var admin = await AdminAsync();
        using var channel = GrpcChannel();
        var producer = await new ProducerService.ProducerServiceClient(channel).CreateProducerAsync(
            new CreateProducerRequest { Producer = new Producer { Slug = $"sec-{Guid.NewGuid():N}"[..30], DisplayName = "Παραγωγός Ασφαλείας" } },
            Bearer(admin.AccessToken), cancellationToken: TestContext.Current.CancellationToken);
        var user = await RegisterAsync("Producer user");
        await new UserAdminService.UserAdminServiceClient(channel).SetUserRolesAsync(
            new SetUserRolesRequest { UserId = user.UserId, Roles = { Role.Customer, Role.Producer }, ProducerId = producer.Id },
            Bearer(admin.AccessToken), cancellationToken: TestContext.Current.CancellationToken);
        return (await LoginAsync(user.Email, user.Password), producer);
    }

    /// <summary>An active product of <paramref name="producer"/>, created by an admin.</summary>
    public async Task<Product> ProductOfAsync(Producer producer)
    {
        var admin = await AdminAsync();
        using var channel = GrpcChannel();
        var tree = await new CategoryService.CategoryServiceClient(channel).GetCategoryTreeAsync(new GetCategoryTreeRequest(), cancellationToken: TestContext.Current.CancellationToken);
        var category = tree.Roots.Single(root => root.Category.Slug == "olive-oil").Children[0].Category;
        var name = new LocalizedText();
        name.Values["el"] = "Ελαιόλαδο ασφαλείας";
        name.Values["en"] = "Security olive oil";
        return await new ProductService.ProductServiceClient(channel).CreateProductAsync(
            new CreateProductRequest
            {
                Product = new Product
                {
                    ProducerId = producer.Id,
                    Slug = $"sec-oil-{Guid.NewGuid():N}"[..36],
                    CategoryId = category.Id,
                    Name = name,
                    TaxClass = TaxClass.Reduced,
                    Status = ProductStatus.Active,
                    Variants = { new Variant { Sku = $"SEC-{Guid.NewGuid():N}"[..20], Price = new Money { CurrencyCode = "EUR", AmountMinor = 1450 }, WeightGrams = 1100 } },
                },
            },
            Bearer(admin.AccessToken),
            cancellationToken: TestContext.Current.CancellationToken);
    }

    public static Metadata Bearer(string accessToken) => [new("authorization", $"Bearer {accessToken}")];

    public async ValueTask DisposeAsync()
    {
        foreach (var host in new IAsyncDisposable?[] { gateway, catalog, auth })
        {
            if (host is not null)
            {
                await host.DisposeAsync();
            }
        }
    }
}
