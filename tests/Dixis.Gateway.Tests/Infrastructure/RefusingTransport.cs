namespace Dixis.Gateway.Tests.Infrastructure;

/// <summary>
/// A service's transport that refuses its first <paramref name="refusals"/> connections, as a service that is
/// restarting does, and counts every attempt the gateway makes.
/// </summary>
public sealed class RefusingTransport(HttpMessageHandler service, int refusals) : DelegatingHandler(service)
{
    private int attempts;

    public int Attempts => Volatile.Read(ref attempts);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        Interlocked.Increment(ref attempts) <= refusals
            ? throw new HttpRequestException(
                HttpRequestError.ConnectionError,
                $"Connection refused ({request.RequestUri?.Authority})",
                new System.Net.Sockets.SocketException((int)System.Net.Sockets.SocketError.ConnectionRefused))
            : base.SendAsync(request, cancellationToken);
}
