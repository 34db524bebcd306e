namespace Dixis.ServiceDefaults.Grpc;

/// <summary>
/// AIP-158 page sizes: 0 means the method's default; a size above the maximum is refused with
/// PAGE_SIZE_TOO_LARGE rather than silently capped, so a client never mistakes a short page for the end.
/// </summary>
public static class PageSize
{
    /// <exception cref="global::Grpc.Core.RpcException">INVALID_ARGUMENT naming <paramref name="field"/>.</exception>
    public static int Resolve(int requested, int defaultSize, int maxSize, string domain, string field = "page_size") =>
        requested switch
        {
            0 => defaultSize,
            < 0 => throw RpcErrors.InvalidField(domain, field, $"must not be negative; 0 means the default of {defaultSize}."),
            _ when requested > maxSize => throw RpcErrors.InvalidArgument(domain,
                [new FieldViolation(field, $"{requested} is above the maximum of {maxSize}.", RpcErrors.PageSizeTooLargeReason)]),
            _ => requested,
        };
}
