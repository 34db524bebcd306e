using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Dixis.AppHost.Hosting;
using Dixis.AppHost.Tests.Fixtures;
using Dixis.Contracts.Auth.V1;
using Dixis.Contracts.Catalog.V1;
using Grpc.Core;
using Grpc.Net.Client;
using Grpc.Net.Client.Web;

namespace Dixis.AppHost.Tests.EndToEnd;

/// <summary>
/// Identity across the real processes: a customer registers over JSON, signs in over native gRPC and reads their
/// profile over gRPC-Web; the development administrator the AppHost creates writes to the catalog, whose own process
/// verifies the token with the keys it fetched from the auth process; a customer's token is refused there.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class SignInTests(PlatformFixture fixture)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_customer_registers_signs_in_and_reads_their_profile_in_each_protocol()
    {
        var email = $"e2e-{Guid.NewGuid():N}@dixis.test";
        var password = $"Pw-{Guid.NewGuid():N}";
        using var http = new HttpClient { BaseAddress = fixture.Platform.Endpoint("gateway", "http") };
        using var registered = await http.PostAsJsonAsync(new Uri("/v1/auth:register", UriKind.Relative), new { email, password, displayName = "Μαρία" }, Cancellation);
        Assert.True(registered.IsSuccessStatusCode, $"register → {(int)registered.StatusCode}: {await registered.Content.ReadAsStringAsync(Cancellation)}");

        using var native = GrpcChannel.ForAddress(fixture.Platform.Endpoint("gateway", "grpc"));
        var login = await new AuthService.AuthServiceClient(native).LoginAsync(new LoginRequest { Email = email, Password = password }, deadline: Deadline(), cancellationToken: Cancellation);

        using var grpcWeb = GrpcChannel.ForAddress(fixture.Platform.Endpoint("gateway", "http"), new GrpcChannelOptions
        {
            HttpHandler = new GrpcWebHandler(GrpcWebMode.GrpcWeb, new HttpClientHandler()),
            HttpVersion = HttpVersion.Version11,
            HttpVersionPolicy = HttpVersionPolicy.RequestVersionExact,
        });
        var profile = await new ProfileService.ProfileServiceClient(grpcWeb).GetProfileAsync(
            new GetProfileRequest(), [new("authorization", $"Bearer {login.Tokens.AccessToken}")], Deadline(), Cancellation);
        Assert.Equal(login.UserId, profile.UserId);
        Assert.Equal("Μαρία", profile.DisplayName);

        using var jwks = JsonDocument.Parse(await http.GetStringAsync(new Uri("/.well-known/jwks.json", UriKind.Relative), Cancellation));
        Assert.Equal("ES256", jwks.RootElement.GetProperty("keys")[0].GetProperty("alg").GetString());
    }

    [Fact]
    public async Task The_catalog_process_verifies_tokens_with_the_auth_processes_keys()
    {
        var admin = DevelopmentAdministrator.LoadOrCreate(fixture.DataDirectory);
        using var native = GrpcChannel.ForAddress(fixture.Platform.Endpoint("gateway", "grpc"));
        var auth = new AuthService.AuthServiceClient(native);
        var adminLogin = await auth.LoginAsync(new LoginRequest { Email = admin.Email, Password = admin.Password }, deadline: Deadline(), cancellationToken: Cancellation);

        var producers = new ProducerService.ProducerServiceClient(native);
        var producer = await producers.CreateProducerAsync(
            new CreateProducerRequest { Producer = new Producer { Slug = $"e2e-{Guid.NewGuid():N}"[..30], DisplayName = "Μελισσοκομία E2E" } },
            [new("authorization", $"Bearer {adminLogin.Tokens.AccessToken}")], Deadline(), Cancellation);
        Assert.NotEmpty(producer.Id);

        var customer = await auth.RegisterAsync(
            new RegisterRequest { Email = $"e2e-{Guid.NewGuid():N}@dixis.test", Password = $"Pw-{Guid.NewGuid():N}", DisplayName = "Πελάτης" }, deadline: Deadline(), cancellationToken: Cancellation);
        var refused = await Assert.ThrowsAsync<RpcException>(() => producers.CreateProducerAsync(
            new CreateProducerRequest { Producer = new Producer { Slug = $"e2e-{Guid.NewGuid():N}"[..30], DisplayName = "Όχι" } },
            [new("authorization", $"Bearer {customer.Tokens.AccessToken}")], Deadline(), Cancellation).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);

        // Past the gateway: the catalog's own grpc endpoint applies the same checks with the same keys.
        using var catalog = GrpcChannel.ForAddress(fixture.Platform.Endpoint("catalog", "grpc"));
        var direct = await Assert.ThrowsAsync<RpcException>(() => new ProducerService.ProducerServiceClient(catalog).CreateProducerAsync(
            new CreateProducerRequest { Producer = new Producer { Slug = $"e2e-{Guid.NewGuid():N}"[..30], DisplayName = "Όχι" } },
            [new("authorization", $"Bearer {customer.Tokens.AccessToken}")], Deadline(), Cancellation).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, direct.StatusCode);

        using var http = new HttpClient { BaseAddress = fixture.Platform.Endpoint("gateway", "http") };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "not-a-token");
        using var bad = await http.GetAsync(new Uri("/v1/profile", UriKind.Relative), Cancellation);
        Assert.Equal(HttpStatusCode.Unauthorized, bad.StatusCode);
    }

    private static DateTime Deadline() => TimeProvider.System.GetUtcNow().UtcDateTime.AddSeconds(20);
}
