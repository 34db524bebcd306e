using Dixis.Contracts.Auth.V1;
using Dixis.Gateway.Forwarding;
using Grpc.Core;

namespace Dixis.Gateway.Forwarders.Auth;

/// <summary>Serves <c>dixis.auth.v1.UserAdminService</c> at the gateway by forwarding each call to the auth service.</summary>
public sealed class UserAdminServiceForwarder(GrpcForwarder forwarder, UserAdminService.UserAdminServiceClient downstream)
    : UserAdminService.UserAdminServiceBase
{
    public override Task<ListUsersResponse> ListUsers(ListUsersRequest request, ServerCallContext context) =>
        forwarder.UnaryAsync(downstream.ListUsersAsync, request, context);

    public override Task<User> GetUser(GetUserRequest request, ServerCallContext context) =>
        forwarder.UnaryAsync(downstream.GetUserAsync, request, context);

    public override Task<User> SetUserRoles(SetUserRolesRequest request, ServerCallContext context) =>
        forwarder.UnaryAsync(downstream.SetUserRolesAsync, request, context);

    public override Task<User> DisableUser(DisableUserRequest request, ServerCallContext context) =>
        forwarder.UnaryAsync(downstream.DisableUserAsync, request, context);

    public override Task<User> EnableUser(EnableUserRequest request, ServerCallContext context) =>
        forwarder.UnaryAsync(downstream.EnableUserAsync, request, context);

    public override Task<ListSecurityEventsResponse> ListSecurityEvents(ListSecurityEventsRequest request, ServerCallContext context) =>
        forwarder.UnaryAsync(downstream.ListSecurityEventsAsync, request, context);
}
