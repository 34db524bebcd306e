using Dixis.Contracts.Shipping.V1;

namespace Dixis.Shipping.Grpc;

/// <summary><c>dixis.shipping.v1.RateTableService</c>: no method is overridden yet, so each answers <c>UNIMPLEMENTED</c> until its issue lands.</summary>
public sealed class RateTableGrpcService : RateTableService.RateTableServiceBase;
