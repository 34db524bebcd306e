using Dixis.Bench.Echo.V1;
using Grpc.Core;

namespace Dixis.Bench.Echo.Grpc;

/// <summary>Returns the request unchanged: no I/O, no allocation beyond the response.</summary>
public sealed class EchoService : V1.EchoService.EchoServiceBase
{
    public override Task<EchoResponse> Echo(EchoRequest request, ServerCallContext context) =>
        Task.FromResult(new EchoResponse { Message = request.Message });
}
