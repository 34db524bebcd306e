using System.Security.Cryptography;
using System.Text;
using Dixis.Auth.Audit;
using Dixis.Auth.Model;
using Dixis.Auth.Tokens;
using Dixis.Contracts.Auth.V1;
using Dixis.Persistence.Documents;
using Dixis.ServiceDefaults.Grpc;
using Google.Protobuf.WellKnownTypes;

namespace Dixis.Auth.Partners;

/// <summary>The OAuth 2.0 client-credentials grant: a partner client's id and secret for a short-lived token with its scopes.</summary>
public sealed class ClientCredentialsExchange(IDocumentCollection<PartnerClientRecord> clients, AccessTokenIssuer accessTokens, SecurityEventLog events)
{
    private const string Domain = AuthErrors.Domain;

    public async Task<ExchangeClientCredentialsResponse> ExchangeAsync(ExchangeClientCredentialsRequest request, RequestOrigin origin, CancellationToken cancellationToken)
    {
        var violations = new FieldViolations();
        if (request.ClientId.Length == 0)
        {
            violations.Add("client_id", "is required.");
        }

        if (request.ClientSecret.Length == 0)
        {
            violations.Add("client_secret", "is required.");
        }

        violations.ThrowIfAny(Domain);

        var client = request.ClientId.Length <= 256 ? await clients.GetAsync(request.ClientId, cancellationToken) : null;
        var presented = Encoding.UTF8.GetBytes(request.ClientSecret.Length <= OpaqueTokens.MaxLength ? OpaqueTokens.Hash(request.ClientSecret) : string.Empty);
        var expected = Encoding.UTF8.GetBytes(client?.Value.SecretHash ?? string.Empty);
        if (client is null || client.Value.State != PartnerClientState.Active || !CryptographicOperations.FixedTimeEquals(presented, expected))
        {
            await events.RecordAsync(new AuditEntry(SecurityEventKind.ClientAuthFailed, origin)
            {
                PartnerClientId = client?.Id,
                Details = new Dictionary<string, string> { ["reason"] = client is null ? "unknown_client" : client.Value.State != PartnerClientState.Active ? "client_revoked" : "wrong_secret" },
            }, cancellationToken);
            throw AuthErrors.InvalidClient();
        }

        var granted = client.Value.Scopes;
        var notGranted = request.Scopes.Where(scope => !granted.Contains(scope, StringComparer.Ordinal)).Distinct(StringComparer.Ordinal).ToList();
        if (notGranted.Count > 0)
        {
            throw AuthErrors.ScopeNotGranted(notGranted);
        }

        IReadOnlyList<string> scopes = request.Scopes.Count == 0 ? granted : [.. request.Scopes.Distinct(StringComparer.Ordinal)];
        var token = await accessTokens.IssueForClientAsync(client.Id, scopes, client.Value.ProducerId, cancellationToken);
        var response = new ExchangeClientCredentialsResponse
        {
            Token = new ClientToken { AccessToken = token.AccessToken, TokenType = "Bearer", ExpireTime = Timestamp.FromDateTimeOffset(token.ExpireTime) },
        };
        response.Token.Scopes.AddRange(scopes);
        return response;
    }
}
