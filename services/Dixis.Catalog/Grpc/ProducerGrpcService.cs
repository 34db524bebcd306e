using Dixis.Contracts.Catalog.V1;

namespace Dixis.Catalog.Grpc;

/// <summary><c>dixis.catalog.v1.ProducerService</c>: no method is overridden yet, so each answers <c>UNIMPLEMENTED</c> until its issue lands.</summary>
public sealed class ProducerGrpcService : ProducerService.ProducerServiceBase;
