namespace Dixis.ServiceDefaults.Grpc;

/// <summary>
/// Collects every bad field of a request, so a caller learns all of them from one answer instead of fixing
/// them one round trip at a time; <see cref="ThrowIfAny"/> turns them into one <c>INVALID_ARGUMENT</c>.
/// </summary>
public sealed class FieldViolations
{
    private readonly List<FieldViolation> violations = [];

    public int Count => violations.Count;

    public IReadOnlyList<FieldViolation> Items => violations;

    public void Add(string field, string description, string reason = RpcErrors.InvalidFieldReason) =>
        violations.Add(new FieldViolation(field, description, reason));

    /// <summary>True when any violation concerns <paramref name="field"/> or a field below it.</summary>
    public bool Has(string field) =>
        violations.Exists(v => v.Field == field || v.Field.StartsWith(field + ".", StringComparison.Ordinal) || v.Field.StartsWith(field + "[", StringComparison.Ordinal));

    /// <exception cref="global::Grpc.Core.RpcException"><c>INVALID_ARGUMENT</c> with every collected violation.</exception>
    public void ThrowIfAny(string domain)
    {
        if (violations.Count > 0)
        {
            throw RpcErrors.InvalidArgument(domain, violations);
        }
    }
}
