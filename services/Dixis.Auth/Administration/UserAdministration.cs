using Dixis.Auth.Accounts;
using Dixis.Auth.Audit;
using Dixis.Auth.Model;
using Dixis.Auth.Repositories;
using Dixis.Auth.Revocations;
using Dixis.Auth.Sessions;
using Dixis.Contracts.Auth.V1;
using Dixis.Persistence.Documents;
using Dixis.Persistence.Queries;
using Dixis.ServiceDefaults.Grpc;
using Dixis.ServiceDefaults.Security;
using Dixis.ServiceDefaults.Text;

namespace Dixis.Auth.Administration;

/// <summary>User administration: search, roles, disabling and enabling.</summary>
public sealed class UserAdministration(
    UserRepository users,
    SessionTokens sessions,
    TokenRevocationList revocations,
    SecurityEventLog events,
    TimeProvider timeProvider)
{
    private const string Domain = AuthErrors.Domain;
    private const int DefaultPageSize = 50;
    private const int MaxPageSize = 200;
    private const int MaxQueryLength = 256;

    /// <summary>
    /// Users newest first. The store filters by state and producer; the substring search and the role filter are applied
    /// while reading on, so a page holds <c>page_size</c> matches. The page token is the position (create time and id) of
    /// the last user returned, bound to the filters.
    /// </summary>
    public async Task<ListUsersResponse> ListAsync(ListUsersRequest request, CancellationToken cancellationToken)
    {
        var violations = new FieldViolations();
        if (request.Query.Length > MaxQueryLength)
        {
            violations.Add("query", $"must be at most {MaxQueryLength} characters long.");
        }

        if (request.Role != Role.Unspecified && !UserRoles.IsKnown(request.Role))
        {
            violations.Add("role", "is not a role.");
        }

        if (!System.Enum.IsDefined(request.State))
        {
            violations.Add("state", "is not a user state.");
        }

        violations.ThrowIfAny(Domain);
        var pageSize = PageSize.Resolve(request.PageSize, DefaultPageSize, MaxPageSize, Domain);
        var fingerprint = $"users|{request.Query}|{request.Role}|{request.State}|{request.ProducerId}";
        var position = PageTokens.Read(request.PageToken, fingerprint, Domain) is { } cursor ? UserPosition.Parse(cursor, Domain) : null;

        var filters = new List<Filter>();
        if (request.ProducerId.Length > 0)
        {
            filters.Add(Filter.Eq("producerId", request.ProducerId));
        }

        // Locked users whose lockout ran out are active: the state filter is applied on the effective state below.
        if (request.State is UserState.Disabled)
        {
            filters.Add(Filter.Eq("state", nameof(UserState.Disabled)));
        }
        else if (request.State is UserState.Active or UserState.Locked)
        {
            filters.Add(Filter.In("state", [nameof(UserState.Active), nameof(UserState.Locked)]));
        }

        if (position is not null)
        {
            filters.Add(Filter.Or(
                Filter.Lt("createTimeMs", position.CreateTimeMs),
                Filter.And(Filter.Eq("createTimeMs", position.CreateTimeMs), Filter.Gt(FieldPath.Id, position.UserId))));
        }

        var folded = TextFolding.Fold(request.Query.Trim());
        var role = request.Role == Role.Unspecified ? null : UserRoles.NameOf(request.Role);
        var nowMs = timeProvider.GetUtcNow().ToUnixTimeMilliseconds();
        var matches = new List<Document<UserRecord>>();
        string? storeCursor = null;
        do
        {
            var page = await users.Users.QueryAsync(new Query
            {
                Filter = filters.Count == 0 ? null : Filter.And(filters),
                Sort = [SortField.DescendingBy("createTimeMs")],
                PageSize = 200,
                PageToken = storeCursor,
            }, cancellationToken);
            matches.AddRange(page.Items.Where(user =>
                (folded.Length == 0 || user.Value.SearchText.Contains(folded, StringComparison.Ordinal))
                && (role is null || user.Value.Roles.Contains(role, StringComparer.Ordinal))
                && (request.State == UserState.Unspecified || UserStates.Effective(user.Value, nowMs) == request.State)));
            storeCursor = page.NextPageToken;
        }
        while (storeCursor is not null && matches.Count <= pageSize);

        var response = new ListUsersResponse();
        response.Users.AddRange(matches.Take(pageSize).Select(user => UserMapper.ToUser(user, nowMs)));
        if (matches.Count > pageSize)
        {
            var last = matches[pageSize - 1];
            response.NextPageToken = PageTokens.Issue(new UserPosition(last.Value.CreateTimeMs, last.Id).ToString(), fingerprint);
        }

        return response;
    }

    public async Task<User> GetAsync(string userId, CancellationToken cancellationToken) =>
        UserMapper.ToUser(await FindAsync(userId, cancellationToken), timeProvider.GetUtcNow().ToUnixTimeMilliseconds());

    /// <summary>Replaces the roles; a role removed (or a producer binding changed) revokes the user's sessions at once.</summary>
    public async Task<User> SetRolesAsync(SetUserRolesRequest request, SignedInUser admin, RequestOrigin origin, CancellationToken cancellationToken)
    {
        var violations = new FieldViolations();
        for (var index = 0; index < request.Roles.Count; index++)
        {
            if (!UserRoles.IsKnown(request.Roles[index]))
            {
                violations.Add($"roles[{index}]", "is not a role: use ROLE_CUSTOMER, ROLE_PRODUCER or ROLE_ADMIN.");
            }
        }

        var names = UserRoles.Ordered(request.Roles.Where(UserRoles.IsKnown).Select(UserRoles.NameOf).Append(CallerRoles.Customer));
        var producerId = request.ProducerId.Trim();
        var isProducer = names.Contains(CallerRoles.Producer);
        if (isProducer && producerId.Length == 0)
        {
            violations.Add("producer_id", "is required with ROLE_PRODUCER: the producer the user acts for.", AuthErrors.Reason(ErrorReason.ProducerBindingInvalid));
        }
        else if (!isProducer && producerId.Length > 0)
        {
            violations.Add("producer_id", "must be empty without ROLE_PRODUCER.", AuthErrors.Reason(ErrorReason.ProducerBindingInvalid));
        }
        else if (producerId.Length > 128)
        {
            violations.Add("producer_id", "must be at most 128 characters long.");
        }

        violations.ThrowIfAny(Domain);
        var current = await FindAsync(request.UserId, cancellationToken);
        if (current.Id == admin.UserId && !names.Contains(CallerRoles.Admin))
        {
            throw AuthErrors.SelfLockout(current.Id, "remove the admin role from");
        }

        var previous = current.Value;
        var newProducer = producerId.Length == 0 ? null : producerId;
        var updated = await users.UpdateAsync(current.Id, user =>
            user.Value.Roles.SequenceEqual(names) && user.Value.ProducerId == newProducer
                ? null
                : user.Value with { Roles = names, ProducerId = newProducer, UpdateTimeMs = timeProvider.GetUtcNow().ToUnixTimeMilliseconds() },
            cancellationToken) ?? throw AuthErrors.UserNotFound(current.Id);

        var removed = previous.Roles.Except(names).Any() || (previous.ProducerId is not null && previous.ProducerId != newProducer);
        if (removed)
        {
            await sessions.RevokeAllAsync(current.Id, keepSessionId: null, cancellationToken);
        }

        if (!previous.Roles.SequenceEqual(names) || previous.ProducerId != newProducer)
        {
            var details = new Dictionary<string, string> { ["roles"] = string.Join(',', names), ["previous_roles"] = string.Join(',', previous.Roles) };
            if (newProducer is not null)
            {
                details["producer_id"] = newProducer;
            }

            await events.RecordAsync(new AuditEntry(SecurityEventKind.RolesChanged, origin) { UserId = current.Id, ActorUserId = admin.UserId, Details = details }, cancellationToken);
        }

        return UserMapper.ToUser(updated, timeProvider.GetUtcNow().ToUnixTimeMilliseconds());
    }

    /// <summary>Disables the account: sign-in fails, every session is revoked, and every access token it holds is rejected.</summary>
    public async Task<User> DisableAsync(DisableUserRequest request, SignedInUser admin, RequestOrigin origin, CancellationToken cancellationToken)
    {
        var reason = request.Reason.Trim();
        if (reason.Length == 0 || reason.Length > 500)
        {
            throw RpcErrors.InvalidField(Domain, "reason", reason.Length == 0 ? "is required: say why, for the audit log." : "must be at most 500 characters long.");
        }

        var current = await FindAsync(request.UserId, cancellationToken);
        if (current.Id == admin.UserId)
        {
            throw AuthErrors.SelfLockout(current.Id, "disable");
        }

        var changed = false;
        var updated = await users.UpdateAsync(current.Id, user =>
        {
            changed = user.Value.State != UserState.Disabled;
            return changed ? user.Value with { State = UserState.Disabled, UpdateTimeMs = timeProvider.GetUtcNow().ToUnixTimeMilliseconds() } : null;
        }, cancellationToken) ?? throw AuthErrors.UserNotFound(current.Id);

        if (changed)
        {
            await sessions.RevokeAllAsync(current.Id, keepSessionId: null, cancellationToken);
            await revocations.RevokeAsync(current.Id, null, cancellationToken);
            await events.RecordAsync(new AuditEntry(SecurityEventKind.UserDisabled, origin)
            {
                UserId = current.Id,
                ActorUserId = admin.UserId,
                Details = new Dictionary<string, string> { ["reason"] = reason },
            }, cancellationToken);
        }

        return UserMapper.ToUser(updated, timeProvider.GetUtcNow().ToUnixTimeMilliseconds());
    }

    /// <summary>Enables a disabled or locked account again (the user signs in anew; old sessions stay revoked).</summary>
    public async Task<User> EnableAsync(EnableUserRequest request, SignedInUser admin, RequestOrigin origin, CancellationToken cancellationToken)
    {
        var current = await FindAsync(request.UserId, cancellationToken);
        var changed = false;
        var updated = await users.UpdateAsync(current.Id, user =>
        {
            changed = user.Value.State != UserState.Active;
            return changed
                ? user.Value with { State = UserState.Active, FailedLogins = 0, FailureWindowStartMs = null, LockoutEndMs = null, UpdateTimeMs = timeProvider.GetUtcNow().ToUnixTimeMilliseconds() }
                : null;
        }, cancellationToken) ?? throw AuthErrors.UserNotFound(current.Id);

        if (changed)
        {
            await events.RecordAsync(new AuditEntry(SecurityEventKind.UserEnabled, origin) { UserId = current.Id, ActorUserId = admin.UserId }, cancellationToken);
        }

        return UserMapper.ToUser(updated, timeProvider.GetUtcNow().ToUnixTimeMilliseconds());
    }

    private async Task<Document<UserRecord>> FindAsync(string userId, CancellationToken cancellationToken)
    {
        if (userId.Length == 0)
        {
            throw RpcErrors.InvalidField(Domain, "user_id", "is required.");
        }

        return await users.GetAsync(userId, cancellationToken) ?? throw AuthErrors.UserNotFound(userId);
    }
}
