using System.Net;
using System.Net.Sockets;

namespace Dixis.AppHost.Orchestration;

/// <summary>
/// Picks free loopback ports. The operating system chooses (bind to port 0), the port is released for the
/// child to bind; ports handed out once are never handed out again by the same allocator.
/// </summary>
internal sealed class PortAllocator
{
    private readonly HashSet<int> _given = [];

    /// <summary>A port nobody listens on right now.</summary>
    public int Allocate()
    {
        while (true)
        {
            var port = ProbeFreePort(0);
            if (port is int free && _given.Add(free))
            {
                return free;
            }
        }
    }

    /// <summary><paramref name="preferred"/> when it is free, else any free port.</summary>
    public int AllocatePreferring(int preferred) =>
        !_given.Contains(preferred) && ProbeFreePort(preferred) is int port && _given.Add(port) ? port : Allocate();

    private static int? ProbeFreePort(int port)
    {
        try
        {
            using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            listener.Bind(new IPEndPoint(IPAddress.Loopback, port));
            return ((IPEndPoint)listener.LocalEndPoint!).Port;
        }
        catch (SocketException)
        {
            return null;
        }
    }
}
