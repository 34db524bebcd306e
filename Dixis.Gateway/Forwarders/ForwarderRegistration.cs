namespace Dixis.Gateway.Forwarders;

/// <summary>
/// The public contract services the gateway serves, each with the generated client of its owning service.
/// One line per contract service: adding a service to the contracts without adding it here fails the
/// forwarder completeness test.
/// </summary>
public static class ForwarderRegistration
{
    public static IHostApplicationBuilder AddDownstreamClients(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder;
    }

    public static IEndpointRouteBuilder MapForwarders(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        return endpoints;
    }
}
