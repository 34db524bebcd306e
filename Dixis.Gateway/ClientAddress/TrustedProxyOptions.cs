using System.ComponentModel.DataAnnotations;

namespace Dixis.Gateway.ClientAddress;

/// <summary>
/// The proxies (ingress, load balancer) whose <c>X-Forwarded-For</c> the gateway believes, bound from
/// <c>Gateway:TrustedProxies</c>. Behind a proxy every connection comes from the proxy, so without this every caller
/// would share one per-IP rate limit; trusting the header from anyone else would let a caller pick its own address.
/// Empty (the default): no forwarded header is believed.
/// </summary>
public sealed class TrustedProxyOptions
{
    public const string SectionName = "Gateway:TrustedProxies";

    /// <summary>Proxy addresses, e.g. <c>10.0.0.12</c>.</summary>
    public string[] Addresses { get; set; } = [];

    /// <summary>Proxy networks in CIDR form, e.g. <c>10.0.0.0/8</c> (a Kubernetes pod network).</summary>
    public string[] Networks { get; set; } = [];

    /// <summary>How many proxies in a row may be stripped from <c>X-Forwarded-For</c>, right to left.</summary>
    [Range(1, 10)]
    public int ForwardLimit { get; set; } = 1;
}
