using Dixis.Contracts.Auth.V1;

namespace Dixis.Auth.Grpc;

/// <summary><c>dixis.auth.v1.JwksService</c>: no method is overridden yet, so each answers <c>UNIMPLEMENTED</c> until its issue lands.</summary>
public sealed class JwksGrpcService : JwksService.JwksServiceBase;
