using Dixis.Contracts.Auth.V1;
using Dixis.Gateway.Forwarding;
using Grpc.Core;

namespace Dixis.Gateway.Forwarders.Auth;

/// <summary>Serves <c>dixis.auth.v1.ProfileService</c> at the gateway by forwarding each call to the auth service.</summary>
public sealed class ProfileServiceForwarder(GrpcForwarder forwarder, ProfileService.ProfileServiceClient downstream)
    : ProfileService.ProfileServiceBase
{
    public override Task<Profile> GetProfile(GetProfileRequest request, ServerCallContext context) =>
        forwarder.UnaryAsync(downstream.GetProfileAsync, request, context);

    public override Task<Profile> UpdateProfile(UpdateProfileRequest request, ServerCallContext context) =>
        forwarder.UnaryAsync(downstream.UpdateProfileAsync, request, context);
}
