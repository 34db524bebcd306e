using System.ComponentModel.DataAnnotations;

namespace Dixis.Bench.Echo.Lifetime;

/// <summary>Which process owns this server (configuration key <c>DIXIS_BENCH_PID</c>).</summary>
public sealed class ParentProcessOptions
{
    /// <summary>The harness's process id; when absent the server runs until stopped.</summary>
    [Range(1, int.MaxValue)]
    public int? ParentPid { get; set; }
}
