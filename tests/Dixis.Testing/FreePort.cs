using System.Net;
using System.Net.Sockets;

namespace Dixis.Testing;

/// <summary>Free TCP ports on the loopback interface, for servers a test starts.</summary>
public static class FreePort
{
    /// <summary>
    /// A port the operating system just handed out and released. Another process could take it in
    /// between; the ephemeral range is large enough that this does not happen in practice.
    /// </summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
