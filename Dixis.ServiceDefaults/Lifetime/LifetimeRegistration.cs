using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Dixis.ServiceDefaults.Lifetime;

/// <summary>Graceful shutdown timeout and the AppHost process watcher.</summary>
internal static class LifetimeRegistration
{
    public static void AddLifetimeDefaults(this IHostApplicationBuilder builder)
    {
        var appHostProcessId = builder.Configuration[LifetimeOptions.AppHostProcessIdVariable];

        builder.Services.AddOptions<LifetimeOptions>()
            .Bind(builder.Configuration.GetSection(LifetimeOptions.SectionName))
            .Configure(options =>
            {
                if (!string.IsNullOrWhiteSpace(appHostProcessId))
                {
                    // A value that is not a number becomes 0 and fails validation with a precise message.
                    options.AppHostProcessId = int.TryParse(appHostProcessId, NumberStyles.None, CultureInfo.InvariantCulture, out var processId)
                        ? processId
                        : 0;
                }
            })
            .ValidateDataAnnotations()
            .ValidateOnStart();

        builder.Services.AddOptions<HostOptions>()
            .Configure<IOptions<LifetimeOptions>>((host, lifetime) => host.ShutdownTimeout = lifetime.Value.ShutdownTimeout);

        builder.Services.AddHostedService<AppHostProcessWatcher>();
    }
}
