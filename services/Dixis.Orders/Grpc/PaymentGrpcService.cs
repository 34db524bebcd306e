using Dixis.Contracts.Orders.V1;

namespace Dixis.Orders.Grpc;

/// <summary><c>dixis.orders.v1.PaymentService</c>: no method is overridden yet, so each answers <c>UNIMPLEMENTED</c> until its issue lands.</summary>
public sealed class PaymentGrpcService : PaymentService.PaymentServiceBase;
