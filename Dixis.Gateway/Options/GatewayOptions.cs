using System.ComponentModel.DataAnnotations;

namespace Dixis.Gateway.Options;

/// <summary>
/// Browser access to the gateway, bound from the <c>Gateway</c> configuration section. The message size limit is
/// not here on purpose: the gateway applies the platform's <c>Grpc:MaxReceiveMessageSize</c> (ServiceDefaults)
/// to native gRPC, gRPC-Web and JSON bodies alike, so there is one limit to configure.
/// </summary>
public sealed class GatewayOptions
{
    public const string SectionName = "Gateway";

    /// <summary>Browser origins allowed to call the gateway (gRPC-Web and JSON). Empty means no cross-origin browser access.</summary>
    [Required]
    public string[] AllowedOrigins { get; set; } = [];
}
