namespace Dixis.ServiceDefaults.Grpc;

/// <summary>One unmet precondition: its type (<c>STOCK</c>, <c>STATE</c>), subject (<c>sku/OIL-500</c>) and what is wrong.</summary>
public sealed record PreconditionViolation(string Type, string Subject, string Description);
