using Grpc.Net.Client;

namespace Dixis.Bench.Commerce;

/// <summary>One HTTP/2 connection per worker, as h2load's clients have, so workers never queue behind each other's streams.</summary>
public static class BenchChannels
{
    public static GrpcChannel Open(Uri address) => GrpcChannel.ForAddress(address, new GrpcChannelOptions
    {
        HttpHandler = new SocketsHttpHandler { UseProxy = false, EnableMultipleHttp2Connections = false },
    });
}
