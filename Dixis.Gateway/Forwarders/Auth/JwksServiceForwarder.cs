using Dixis.Contracts.Auth.V1;
using Dixis.Gateway.Forwarding;
using Grpc.Core;

namespace Dixis.Gateway.Forwarders.Auth;

/// <summary>Serves <c>dixis.auth.v1.JwksService</c> at the gateway by forwarding each call to the auth service.</summary>
public sealed class JwksServiceForwarder(GrpcForwarder forwarder, JwksService.JwksServiceClient downstream)
    : JwksService.JwksServiceBase
{
    public override Task<JsonWebKeySet> GetJwks(GetJwksRequest request, ServerCallContext context) =>
        forwarder.UnaryAsync(downstream.GetJwksAsync, request, context);
}
