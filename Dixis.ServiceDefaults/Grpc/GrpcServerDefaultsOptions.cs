using System.ComponentModel.DataAnnotations;

namespace Dixis.ServiceDefaults.Grpc;

/// <summary>gRPC server settings every service shares (configuration section <c>Grpc</c>).</summary>
public sealed class GrpcServerDefaultsOptions
{
    public const string SectionName = "Grpc";

    /// <summary>Largest request message accepted, in bytes; larger ones get <c>RESOURCE_EXHAUSTED</c>.</summary>
    [Range(1024, 64 * 1024 * 1024)]
    public int MaxReceiveMessageSize { get; set; } = 4 * 1024 * 1024;

    /// <summary>Largest response message sent, in bytes.</summary>
    [Range(1024, 64 * 1024 * 1024)]
    public int MaxSendMessageSize { get; set; } = 16 * 1024 * 1024;

    /// <summary>Serve gRPC reflection outside Development too (it is always on in Development).</summary>
    public bool EnableReflection { get; set; }
}
