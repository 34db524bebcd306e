namespace Dixis.Testing;

/// <summary>
/// The primary HTTP handler of an in-process host's outgoing calls (the gateway's, or one service's calls to
/// another): sends each gRPC call to the in-process service that owns it. A call whose path starts with one of
/// <paramref name="byPathPrefix"/> goes to that handler (a test service standing in for one contract service); any
/// other call goes by the host that service discovery resolved (e.g. <c>catalog.test</c>). A <c>.test</c> host no
/// in-process service stands behind (not started, or stopped) is refused as a closed port is; any other host goes to
/// <paramref name="otherHosts"/> when given (the handler the host would have used, e.g. for a fake API on a local
/// port; the router then owns it), and is refused too otherwise.
/// </summary>
public sealed class DownstreamRouter(
    IReadOnlyDictionary<string, HttpMessageHandler> byPathPrefix,
    IReadOnlyDictionary<string, HttpMessageHandler> byHost,
    HttpMessageHandler? otherHosts = null) : HttpMessageHandler
{
    /// <summary>Routes by host only.</summary>
    public DownstreamRouter(IReadOnlyDictionary<string, HttpMessageHandler> byHost, HttpMessageHandler? otherHosts = null)
        : this(new Dictionary<string, HttpMessageHandler>(), byHost, otherHosts)
    {
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var path = request.RequestUri!.AbsolutePath;
        var handler = byPathPrefix.FirstOrDefault(route => path.StartsWith(route.Key, StringComparison.Ordinal)).Value
            ?? byHost.GetValueOrDefault(request.RequestUri.Host)
            ?? (IsTestHost(request.RequestUri.Host) ? null : otherHosts)
            ?? throw new HttpRequestException(
                HttpRequestError.ConnectionError,
                $"Connection refused ({request.RequestUri.Authority})",
                new System.Net.Sockets.SocketException((int)System.Net.Sockets.SocketError.ConnectionRefused));

        // The handlers belong to the test hosts; the HTTP client factory must not dispose them when it recycles this router.
        using var invoker = new HttpMessageInvoker(handler, disposeHandler: false);
        return invoker.SendAsync(request, cancellationToken);
    }

    /// <summary>The reserved <c>.test</c> domain (RFC 2606) never resolves: such a host can only be an in-process one.</summary>
    private static bool IsTestHost(string host) => host.EndsWith(".test", StringComparison.OrdinalIgnoreCase);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            otherHosts?.Dispose();
        }

        base.Dispose(disposing);
    }
}
