namespace Dixis.Gateway.Tests.Infrastructure;

/// <summary>
/// The gateway's primary HTTP handler in tests: sends each downstream gRPC call to the in-process service that
/// owns it. A call whose path starts with one of <paramref name="byPathPrefix"/> goes to that handler (a test
/// service standing in for one contract service); any other call goes by the host that service discovery
/// resolved (e.g. <c>catalog.test</c>). A host no in-process service stands behind is refused as a closed port is.
/// </summary>
internal sealed class DownstreamRouter(
    IReadOnlyDictionary<string, HttpMessageHandler> byPathPrefix,
    IReadOnlyDictionary<string, HttpMessageHandler> byHost) : HttpMessageHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var path = request.RequestUri!.AbsolutePath;
        var handler = byPathPrefix.FirstOrDefault(route => path.StartsWith(route.Key, StringComparison.Ordinal)).Value
            ?? byHost.GetValueOrDefault(request.RequestUri.Host)
            ?? throw new HttpRequestException(
                HttpRequestError.ConnectionError,
                $"Connection refused ({request.RequestUri.Authority})",
                new System.Net.Sockets.SocketException((int)System.Net.Sockets.SocketError.ConnectionRefused));

        // The handlers belong to the test hosts; the HTTP client factory must not dispose them when it recycles this router.
        using var invoker = new HttpMessageInvoker(handler, disposeHandler: false);
        return invoker.SendAsync(request, cancellationToken);
    }
}
