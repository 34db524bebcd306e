using Dixis.Auth.Revocations;
using Dixis.Contracts.Auth.V1;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace Dixis.Auth.Grpc;

/// <summary><c>dixis.auth.v1.TokenRevocationService</c> (internal): the revocations every service polls.</summary>
public sealed class TokenRevocationGrpcService(TokenRevocationList revocations) : TokenRevocationService.TokenRevocationServiceBase
{
    public override Task<GetTokenRevocationsResponse> GetTokenRevocations(GetTokenRevocationsRequest request, ServerCallContext context)
    {
        var response = new GetTokenRevocationsResponse();
        response.Revocations.AddRange(revocations.Current.Select(entry => new TokenRevocation
        {
            Subject = entry.Subject,
            SessionId = entry.SessionId ?? string.Empty,
            RevokeTime = Timestamp.FromDateTimeOffset(DateTimeOffset.FromUnixTimeMilliseconds(entry.RevokeTimeMs)),
        }));
        return Task.FromResult(response);
    }
}
