using System.Security.Cryptography;
using Dixis.Auth.Accounts;
using Dixis.Auth.Audit;
using Dixis.Auth.Model;
using Dixis.Auth.Revocations;
using Dixis.Auth.Tokens;
using Dixis.Contracts.Auth.V1;
using Dixis.Persistence.Documents;
using Dixis.Persistence.Idempotency;
using Dixis.Persistence.Queries;
using Dixis.ServiceDefaults.Grpc;
using Google.Protobuf;
using Microsoft.AspNetCore.DataProtection;

namespace Dixis.Auth.Partners;

/// <summary>
/// Administration of partner API clients. Creation is idempotent by <c>request_id</c>: the first response (with the
/// secret) is kept in the idempotency record, encrypted with Data Protection, so a retry gets the same client and the
/// same secret back for the idempotency retention (24 h) — the only other place the secret exists, and not readable
/// from a copied database. Only the secret's SHA-256 is kept with the client.
/// </summary>
public sealed class PartnerClientAdministration(
    IDocumentStore store,
    IDocumentCollection<PartnerClientRecord> clients,
    TokenRevocationList revocations,
    SecurityEventLog events,
    IDataProtectionProvider dataProtection,
    TimeProvider timeProvider)
{
    private const string Domain = AuthErrors.Domain;
    private const int DefaultPageSize = 50;
    private const int MaxPageSize = 200;
    private const int MaxDisplayNameLength = 200;

    private readonly IDataProtector responseProtector = dataProtection.CreateProtector("Dixis.Auth.PartnerClientResponses.v1");

    public async Task<CreatePartnerClientResponse> CreateAsync(CreatePartnerClientRequest request, SignedInUser admin, RequestOrigin origin, CancellationToken cancellationToken)
    {
        var client = request.PartnerClient ?? new PartnerClient();
        var scopes = Validate(request, client);
        var key = $"partner-client:{admin.UserId}:{request.RequestId}";
        var fingerprint = Convert.ToHexString(SHA256.HashData(request.ToByteArray()));
        var outcome = await store.Idempotency.TryBeginAsync(key, fingerprint, cancellationToken);
        switch (outcome.Status)
        {
            case IdempotencyStatus.Completed:
                return CreatePartnerClientResponse.Parser.ParseFrom(responseProtector.Unprotect(outcome.Response!));
            case IdempotencyStatus.Conflict:
                throw RpcErrors.AlreadyExists(Domain, RpcErrors.RequestIdReusedReason, AuthErrors.PartnerClientType, request.RequestId,
                    "This request_id was already used for a different request.");
            case IdempotencyStatus.InProgress:
                throw RpcErrors.Aborted(Domain, RpcErrors.RequestIdReusedReason, "A request with this request_id is still running; retry shortly.");
        }

        var now = timeProvider.GetUtcNow();
        var secret = OpaqueTokens.Generate();
        var record = new PartnerClientRecord(
            client.DisplayName.Trim(), scopes, client.ProducerId.Length == 0 ? null : client.ProducerId, PartnerClientState.Active,
            OpaqueTokens.Hash(secret), secret[^4..], admin.UserId, now.ToUnixTimeMilliseconds(), null);
        CreatePartnerClientResponse response;
        try
        {
            await using var transaction = await store.BeginTransactionAsync(cancellationToken);
            var stored = await clients.In(transaction).InsertAsync(Guid.CreateVersion7(now).ToString("D"), record, cancellationToken);
            response = new CreatePartnerClientResponse { PartnerClient = PartnerClientMapper.ToContract(stored), ClientSecret = secret };
            await store.Idempotency.In(transaction).CompleteAsync(key, responseProtector.Protect(response.ToByteArray()), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch
        {
            await store.Idempotency.AbandonAsync(key, CancellationToken.None);
            throw;
        }

        await events.RecordAsync(new AuditEntry(SecurityEventKind.PartnerClientCreated, origin)
        {
            ActorUserId = admin.UserId,
            PartnerClientId = response.PartnerClient.Id,
            Details = new Dictionary<string, string> { ["scopes"] = string.Join(',', scopes) },
        }, cancellationToken);
        return response;
    }

    public async Task<ListPartnerClientsResponse> ListAsync(ListPartnerClientsRequest request, CancellationToken cancellationToken)
    {
        var pageSize = PageSize.Resolve(request.PageSize, DefaultPageSize, MaxPageSize, Domain);
        var query = new Query
        {
            Filter = request.ShowRevoked ? null : Filter.Eq("state", nameof(PartnerClientState.Active)),
            Sort = [SortField.DescendingBy("createTimeMs")],
            PageSize = pageSize,
        };
        var (items, next) = await clients.PageAsync(query, request.PageToken, $"partner-clients|{request.ShowRevoked}", Domain, cancellationToken);
        var response = new ListPartnerClientsResponse { NextPageToken = next };
        response.PartnerClients.AddRange(items.Select(PartnerClientMapper.ToContract));
        return response;
    }

    public async Task<PartnerClient> GetAsync(string clientId, CancellationToken cancellationToken) =>
        PartnerClientMapper.ToContract(await FindAsync(clientId, cancellationToken));

    /// <summary>Revokes the client and its issued tokens; revoking a revoked client changes nothing.</summary>
    public async Task<PartnerClient> RevokeAsync(RevokePartnerClientRequest request, SignedInUser admin, RequestOrigin origin, CancellationToken cancellationToken)
    {
        if (request.Reason.Length > 500)
        {
            throw RpcErrors.InvalidField(Domain, "reason", "must be at most 500 characters long.");
        }

        var current = await FindAsync(request.PartnerClientId, cancellationToken);
        var nowMs = timeProvider.GetUtcNow().ToUnixTimeMilliseconds();
        if (await clients.UpdateIfAsync(current.Id, Filter.Eq("state", nameof(PartnerClientState.Active)),
                Update.Combine(Update.Set("state", nameof(PartnerClientState.Revoked)), Update.Set("revokeTimeMs", nowMs)), cancellationToken))
        {
            await revocations.RevokeAsync(current.Id, null, cancellationToken);
            await events.RecordAsync(new AuditEntry(SecurityEventKind.PartnerClientRevoked, origin)
            {
                ActorUserId = admin.UserId,
                PartnerClientId = current.Id,
                Details = request.Reason.Length == 0 ? new Dictionary<string, string>() : new Dictionary<string, string> { ["reason"] = request.Reason },
            }, cancellationToken);
        }

        return await GetAsync(current.Id, cancellationToken);
    }

    private async Task<Document<PartnerClientRecord>> FindAsync(string clientId, CancellationToken cancellationToken)
    {
        if (clientId.Length == 0)
        {
            throw RpcErrors.InvalidField(Domain, "partner_client_id", "is required.");
        }

        return (clientId.Length <= 256 ? await clients.GetAsync(clientId, cancellationToken) : null) ?? throw AuthErrors.PartnerClientNotFound(clientId);
    }

    private static List<string> Validate(CreatePartnerClientRequest request, PartnerClient client)
    {
        var violations = new FieldViolations();
        if (!Guid.TryParse(request.RequestId, out _))
        {
            violations.Add("request_id", request.RequestId.Length == 0 ? "is required: a UUID that identifies this request across retries." : "must be a UUID.");
        }

        var name = client.DisplayName.Trim();
        if (name.Length == 0)
        {
            violations.Add("partner_client.display_name", "is required.");
        }
        else if (name.Length > MaxDisplayNameLength)
        {
            violations.Add("partner_client.display_name", $"must be at most {MaxDisplayNameLength} characters long.");
        }

        if (client.Scopes.Count == 0)
        {
            violations.Add("partner_client.scopes", $"is required: one or more of {string.Join(", ", PartnerScopes.All.Order(StringComparer.Ordinal))}.");
        }

        for (var index = 0; index < client.Scopes.Count; index++)
        {
            if (!PartnerScopes.All.Contains(client.Scopes[index]))
            {
                violations.Add($"partner_client.scopes[{index}]", $"'{client.Scopes[index]}' is not a scope; use one of {string.Join(", ", PartnerScopes.All.Order(StringComparer.Ordinal))}.");
            }
        }

        if (client.ProducerId.Length > 128)
        {
            violations.Add("partner_client.producer_id", "must be at most 128 characters long.");
        }

        foreach (var (field, set) in new (string, bool)[] { ("id", client.Id.Length > 0), ("state", client.State != PartnerClientState.Unspecified), ("create_time", client.CreateTime is not null), ("revoke_time", client.RevokeTime is not null), ("secret_hint", client.SecretHint.Length > 0), ("creator_user_id", client.CreatorUserId.Length > 0) })
        {
            if (set)
            {
                violations.Add($"partner_client.{field}", "is output only and cannot be set.", RpcErrors.FieldNotWritableReason);
            }
        }

        violations.ThrowIfAny(Domain);
        return [.. client.Scopes.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
    }
}
