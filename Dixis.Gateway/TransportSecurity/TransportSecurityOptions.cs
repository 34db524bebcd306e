namespace Dixis.Gateway.TransportSecurity;

/// <summary>
/// How the gateway protects its responses in transit and in the browser, bound from the
/// <c>Gateway:TransportSecurity</c> configuration section. The HTTPS endpoint itself is configured on Kestrel
/// (<c>Kestrel:Endpoints:https</c>), where ASP.NET Core already reads certificates from.
/// </summary>
public sealed class TransportSecurityOptions
{
    public const string SectionName = "Gateway:TransportSecurity";

    /// <summary>The <c>Strict-Transport-Security</c> header sent on HTTPS responses.</summary>
    public StrictTransportSecurityOptions Hsts { get; set; } = new();
}
