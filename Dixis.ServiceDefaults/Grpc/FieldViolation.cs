namespace Dixis.ServiceDefaults.Grpc;

/// <summary>One bad request field: its path (<c>product.variants[0].price.amount_minor</c>), what is wrong, and the reason code.</summary>
public sealed record FieldViolation(string Field, string Description, string Reason = RpcErrors.InvalidFieldReason);
