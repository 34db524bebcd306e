using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace Dixis.Gateway.TransportSecurity;

/// <summary>HTTPS endpoint defaults, certificate checks and the security headers of every gateway response.</summary>
public static class TransportSecurityRegistration
{
    public static WebApplicationBuilder AddTransportSecurity(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;

        services.AddOptions<TransportSecurityOptions>()
            .Bind(builder.Configuration.GetSection(TransportSecurityOptions.SectionName))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<TransportSecurityOptions>, TransportSecurityOptionsValidator>();

        // Validated on start, before the server binds its endpoints, so a missing certificate is reported by name.
        services.AddOptions<KestrelServerOptions>().ValidateOnStart();
        services.AddSingleton<IValidateOptions<KestrelServerOptions>, CertificateFilesValidator>();
        services.AddSingleton<IPostConfigureOptions<KestrelServerOptions>, HttpsEndpointProtocols>();
        return builder;
    }

    /// <summary>Call first in the pipeline, so that every response, an error or a 404 included, gets the headers.</summary>
    public static WebApplication UseTransportSecurity(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseMiddleware<SecurityHeadersMiddleware>();
        return app;
    }
}
