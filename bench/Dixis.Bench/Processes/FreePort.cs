using System.Net;
using System.Net.Sockets;

namespace Dixis.Bench.Processes;

/// <summary>A loopback port nobody listens on right now, for a server the harness starts.</summary>
public static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
