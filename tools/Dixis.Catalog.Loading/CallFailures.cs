using Grpc.Core;

namespace Dixis.Catalog.Loading;

/// <summary>Turns a failed call into a sentence a person running a tool can act on.</summary>
public static class CallFailures
{
    public static string Explain(RpcException failure, Uri address, string method) => failure.StatusCode switch
    {
        StatusCode.Unauthenticated =>
            $"{method} at {address} refused the caller (UNAUTHENTICATED: {failure.Status.Detail}). Tools identify themselves with the interim " +
            "'dixis-internal-caller' header, which only a service's internal grpc endpoint reads (the gateway strips it): point --address at " +
            "the catalog's grpc endpoint (e.g. http://localhost:5111), not at the gateway, until access tokens arrive.",
        StatusCode.PermissionDenied =>
            $"{method} at {address} refused the caller (PERMISSION_DENIED: {failure.Status.Detail}). Call as a caller with the needed role: " +
            "--as admin, or --as producer:<id> for that producer's own products.",
        StatusCode.Unimplemented =>
            $"{method} is not implemented by the catalog at {address} yet (UNIMPLEMENTED).",
        StatusCode.Unavailable =>
            $"Nothing answers {method} at {address} (UNAVAILABLE: {failure.Status.Detail}). Is the catalog running, and is that its grpc (HTTP/2) endpoint?",
        StatusCode.DeadlineExceeded =>
            $"{method} at {address} did not finish within its deadline (DEADLINE_EXCEEDED).",
        _ => $"{method} at {address} failed: {failure.StatusCode} {failure.Status.Detail}",
    };
}
