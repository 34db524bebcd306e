using Dixis.Contracts.Auth.V1;
using Dixis.Services.Tests.Infrastructure;
using Grpc.Core;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Dixis.Services.Tests.Auth;

/// <summary><c>PartnerClientService</c> and the client-credentials exchange.</summary>
public sealed class PartnerClientTests(AuthServiceFixture fixture) : IClassFixture<AuthServiceFixture>
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private AuthApi Api => fixture.Api;

    private static CreatePartnerClientRequest NewClient(string requestId, string producerId = "") => new()
    {
        RequestId = requestId,
        PartnerClient = new PartnerClient { DisplayName = "Cretan Oil Co. ERP", Scopes = { "inventory.write", "catalog.write" }, ProducerId = producerId },
    };

    [Fact]
    public async Task An_admin_creates_a_client_whose_secret_is_shown_once_and_replayed_for_the_same_request_id()
    {
        var admin = await Api.AdminAsync();
        var requestId = Guid.NewGuid().ToString();

        var created = await Api.Partners.CreatePartnerClientAsync(NewClient(requestId, "producer-7"), admin, cancellationToken: Cancellation);
        var replayed = await Api.Partners.CreatePartnerClientAsync(NewClient(requestId, "producer-7"), admin, cancellationToken: Cancellation);

        Assert.Equal(created.PartnerClient.Id, replayed.PartnerClient.Id);
        Assert.Equal(created.ClientSecret, replayed.ClientSecret);
        Assert.Equal(43, created.ClientSecret.Length);
        Assert.Equal(created.ClientSecret[^4..], created.PartnerClient.SecretHint);
        Assert.Equal(PartnerClientState.Active, created.PartnerClient.State);
        await RpcAssert.FailsAsync(() => Api.Partners.CreatePartnerClientAsync(NewClient(requestId, "producer-8"), admin, cancellationToken: Cancellation), StatusCode.AlreadyExists, "REQUEST_ID_REUSED");

        var read = await Api.Partners.GetPartnerClientAsync(new GetPartnerClientRequest { PartnerClientId = created.PartnerClient.Id }, admin, cancellationToken: Cancellation);
        Assert.Equal(["catalog.write", "inventory.write"], read.Scopes);
        var listed = await Api.Partners.ListPartnerClientsAsync(new ListPartnerClientsRequest(), admin, cancellationToken: Cancellation);
        Assert.Single(listed.PartnerClients, c => c.Id == created.PartnerClient.Id);
    }

    [Fact]
    public async Task Bad_partner_client_requests_are_refused()
    {
        var admin = await Api.AdminAsync();
        var customer = AuthApi.Bearer((await Api.RegisterAsync()).Tokens.AccessToken);

        await RpcAssert.FailsAsync(() => Api.Partners.CreatePartnerClientAsync(NewClient(Guid.NewGuid().ToString()), customer, cancellationToken: Cancellation), StatusCode.PermissionDenied, "ACCESS_DENIED");
        await RpcAssert.FailsAsync(() => Api.Partners.ListPartnerClientsAsync(new ListPartnerClientsRequest(), cancellationToken: Cancellation), StatusCode.Unauthenticated);
        await RpcAssert.InvalidFieldAsync(() => Api.Partners.CreatePartnerClientAsync(NewClient("not-a-uuid"), admin, cancellationToken: Cancellation), "request_id");
        var badScope = NewClient(Guid.NewGuid().ToString());
        badScope.PartnerClient.Scopes.Add("users.admin");
        await RpcAssert.InvalidFieldAsync(() => Api.Partners.CreatePartnerClientAsync(badScope, admin, cancellationToken: Cancellation), "partner_client.scopes[2]");
        var outputOnly = NewClient(Guid.NewGuid().ToString());
        outputOnly.PartnerClient.State = PartnerClientState.Revoked;
        await RpcAssert.InvalidFieldAsync(() => Api.Partners.CreatePartnerClientAsync(outputOnly, admin, cancellationToken: Cancellation), "partner_client.state", "FIELD_NOT_WRITABLE");
        await RpcAssert.FailsAsync(() => Api.Partners.GetPartnerClientAsync(new GetPartnerClientRequest { PartnerClientId = "missing" }, admin, cancellationToken: Cancellation), StatusCode.NotFound);
        await RpcAssert.InvalidFieldAsync(() => Api.Partners.ListPartnerClientsAsync(new ListPartnerClientsRequest { PageSize = 201 }, admin, cancellationToken: Cancellation), "page_size", "PAGE_SIZE_TOO_LARGE");
    }

    [Fact]
    public async Task A_client_exchanges_its_credentials_for_a_scoped_token_until_it_is_revoked()
    {
        var admin = await Api.AdminAsync();
        var created = await Api.Partners.CreatePartnerClientAsync(NewClient(Guid.NewGuid().ToString(), "producer-9"), admin, cancellationToken: Cancellation);
        var clientId = created.PartnerClient.Id;

        var all = await Api.Auth.ExchangeClientCredentialsAsync(new ExchangeClientCredentialsRequest { ClientId = clientId, ClientSecret = created.ClientSecret }, cancellationToken: Cancellation);
        var narrow = await Api.Auth.ExchangeClientCredentialsAsync(new ExchangeClientCredentialsRequest { ClientId = clientId, ClientSecret = created.ClientSecret, Scopes = { "inventory.write" } }, cancellationToken: Cancellation);

        var token = new JsonWebToken(all.Token.AccessToken);
        Assert.Equal((clientId, clientId, "producer-9"), (token.Subject, token.GetPayloadValue<string>("client_id"), token.GetPayloadValue<string>("producer_id")));
        Assert.Equal(["catalog.write", "inventory.write"], token.GetPayloadValue<string[]>("scope"));
        Assert.True(token.ValidTo - token.IssuedAt <= TimeSpan.FromMinutes(10));
        Assert.Equal(["inventory.write"], narrow.Token.Scopes);
        await RpcAssert.FailsAsync(() => Api.Auth.ExchangeClientCredentialsAsync(new ExchangeClientCredentialsRequest { ClientId = clientId, ClientSecret = created.ClientSecret, Scopes = { "orders.read" } }, cancellationToken: Cancellation), StatusCode.PermissionDenied, "SCOPE_NOT_GRANTED");
        await RpcAssert.FailsAsync(() => Api.Auth.ExchangeClientCredentialsAsync(new ExchangeClientCredentialsRequest { ClientId = clientId, ClientSecret = "wrong" }, cancellationToken: Cancellation), StatusCode.Unauthenticated, "INVALID_CLIENT");
        await RpcAssert.FailsAsync(() => Api.Auth.ChangePasswordAsync(new ChangePasswordRequest { CurrentPassword = "x", NewPassword = "a new passphrase 99" }, AuthApi.Bearer(all.Token.AccessToken), cancellationToken: Cancellation), StatusCode.PermissionDenied);

        var revoked = await Api.Partners.RevokePartnerClientAsync(new RevokePartnerClientRequest { PartnerClientId = clientId, Reason = "contract ended" }, admin, cancellationToken: Cancellation);

        Assert.Equal(PartnerClientState.Revoked, revoked.State);
        Assert.NotNull(revoked.RevokeTime);
        await RpcAssert.FailsAsync(() => Api.Auth.ExchangeClientCredentialsAsync(new ExchangeClientCredentialsRequest { ClientId = clientId, ClientSecret = created.ClientSecret }, cancellationToken: Cancellation), StatusCode.Unauthenticated, "INVALID_CLIENT");
        var revocations = await Api.Revocations.GetTokenRevocationsAsync(new GetTokenRevocationsRequest(), cancellationToken: Cancellation);
        Assert.Contains(revocations.Revocations, r => r.Subject == clientId && r.SessionId.Length == 0);
        Assert.DoesNotContain((await Api.Partners.ListPartnerClientsAsync(new ListPartnerClientsRequest(), admin, cancellationToken: Cancellation)).PartnerClients, c => c.Id == clientId);
        Assert.Contains((await Api.Partners.ListPartnerClientsAsync(new ListPartnerClientsRequest { ShowRevoked = true, PageSize = 200 }, admin, cancellationToken: Cancellation)).PartnerClients, c => c.Id == clientId);
        var events = await Api.Admin.ListSecurityEventsAsync(new ListSecurityEventsRequest { Kind = SecurityEventKind.ClientAuthFailed }, admin, cancellationToken: Cancellation);
        Assert.Contains(events.SecurityEvents, e => e.PartnerClientId == clientId);
    }
}
