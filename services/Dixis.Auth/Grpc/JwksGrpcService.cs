using Dixis.Auth.SigningKeys;
using Dixis.Contracts.Auth.V1;
using Grpc.Core;

namespace Dixis.Auth.Grpc;

/// <summary><c>dixis.auth.v1.JwksService</c>: the public keys that verify access tokens (RFC 7517), current and recently retired.</summary>
public sealed class JwksGrpcService(SigningKeyRing keyRing, TimeProvider timeProvider) : JwksService.JwksServiceBase
{
    public override Task<JsonWebKeySet> GetJwks(GetJwksRequest request, ServerCallContext context)
    {
        var set = new JsonWebKeySet();
        set.Keys.AddRange(keyRing.PublishedKeys(timeProvider.GetUtcNow()).Select(key => new JsonWebKey
        {
            Kty = "EC",
            Kid = key.KeyId,
            Use = "sig",
            Alg = "ES256",
            Crv = "P-256",
            X = key.Record.X,
            Y = key.Record.Y,
        }));
        return Task.FromResult(set);
    }
}
