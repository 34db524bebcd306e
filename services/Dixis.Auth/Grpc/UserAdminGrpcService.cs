using Dixis.Auth.Accounts;
using Dixis.Auth.Administration;
using Dixis.Auth.Audit;
using Dixis.Contracts.Auth.V1;
using Grpc.Core;

namespace Dixis.Auth.Grpc;

/// <summary><c>dixis.auth.v1.UserAdminService</c>: user administration and the audit log (admins only, enforced by the contract's access rule).</summary>
public sealed class UserAdminGrpcService(UserAdministration users, SecurityEventQueries events) : UserAdminService.UserAdminServiceBase
{
    public override Task<ListUsersResponse> ListUsers(ListUsersRequest request, ServerCallContext context) =>
        users.ListAsync(request, context.CancellationToken);

    public override Task<User> GetUser(GetUserRequest request, ServerCallContext context) =>
        users.GetAsync(request.UserId, context.CancellationToken);

    public override Task<User> SetUserRoles(SetUserRolesRequest request, ServerCallContext context) =>
        users.SetRolesAsync(request, SignedInUser.From(context), RequestOrigin.From(context), context.CancellationToken);

    public override Task<User> DisableUser(DisableUserRequest request, ServerCallContext context) =>
        users.DisableAsync(request, SignedInUser.From(context), RequestOrigin.From(context), context.CancellationToken);

    public override Task<User> EnableUser(EnableUserRequest request, ServerCallContext context) =>
        users.EnableAsync(request, SignedInUser.From(context), RequestOrigin.From(context), context.CancellationToken);

    public override Task<ListSecurityEventsResponse> ListSecurityEvents(ListSecurityEventsRequest request, ServerCallContext context) =>
        events.ListAsync(request, context.CancellationToken);
}
