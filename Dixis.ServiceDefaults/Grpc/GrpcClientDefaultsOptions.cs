using System.ComponentModel.DataAnnotations;

namespace Dixis.ServiceDefaults.Grpc;

/// <summary>Defaults for gRPC calls to other services (configuration section <c>Grpc:Client</c>).</summary>
public sealed class GrpcClientDefaultsOptions
{
    public const string SectionName = "Grpc:Client";

    /// <summary>Deadline given to every call that has none, so that no call can hang forever.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:05:00")]
    public TimeSpan DefaultDeadline { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Attempts in total (first call included) for an idempotent call that got <c>UNAVAILABLE</c>.</summary>
    [Range(2, 5)]
    public int MaxAttempts { get; set; } = 4;

    /// <summary>Upper bound of the first back-off; later ones grow by <see cref="BackoffMultiplier"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:00:10")]
    public TimeSpan InitialBackoff { get; set; } = TimeSpan.FromMilliseconds(100);

    [Range(typeof(TimeSpan), "00:00:00.001", "00:01:00")]
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromSeconds(2);

    [Range(1.0, 10.0)]
    public double BackoffMultiplier { get; set; } = 2.0;
}
