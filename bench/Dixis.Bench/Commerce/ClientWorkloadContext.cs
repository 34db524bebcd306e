using Dixis.Bench.Identity;
using Dixis.Bench.Processes;

namespace Dixis.Bench.Commerce;

/// <summary>What a client-driven workload is built from: the running platform, the bench customer, the clock.</summary>
public sealed record ClientWorkloadContext(IPlatformUnderTest Platform, BenchCustomer Customer, ProgressLog Progress, TimeProvider TimeProvider)
{
    /// <summary>Where the load goes: the gateway's native gRPC endpoint.</summary>
    public Uri Gateway => Platform.Endpoint("gateway", "grpc");
}
