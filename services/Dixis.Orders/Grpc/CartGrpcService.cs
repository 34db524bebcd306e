using Dixis.Contracts.Orders.V1;

namespace Dixis.Orders.Grpc;

/// <summary><c>dixis.orders.v1.CartService</c>: no method is overridden yet, so each answers <c>UNIMPLEMENTED</c> until its issue lands.</summary>
public sealed class CartGrpcService : CartService.CartServiceBase;
