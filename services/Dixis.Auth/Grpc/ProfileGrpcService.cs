using Dixis.Auth.Accounts;
using Dixis.Auth.Profiles;
using Dixis.Contracts.Auth.V1;
using Grpc.Core;

namespace Dixis.Auth.Grpc;

/// <summary><c>dixis.auth.v1.ProfileService</c>: the signed-in user's own profile.</summary>
public sealed class ProfileGrpcService(ProfileEditor profiles) : ProfileService.ProfileServiceBase
{
    public override Task<Profile> GetProfile(GetProfileRequest request, ServerCallContext context) =>
        profiles.GetAsync(SignedInUser.From(context), context.CancellationToken);

    public override Task<Profile> UpdateProfile(UpdateProfileRequest request, ServerCallContext context) =>
        profiles.UpdateAsync(request, SignedInUser.From(context), context.CancellationToken);
}
