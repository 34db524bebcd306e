using Microsoft.Extensions.Options;

namespace Dixis.AppHost.Hosting;

/// <summary>Rejects options the platform cannot run with, naming the option and the allowed values.</summary>
internal sealed class PlatformOptionsValidator : IValidateOptions<PlatformOptions>
{
    public ValidateOptionsResult Validate(string? name, PlatformOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.DashboardPort is < 0 or > 65535)
        {
            failures.Add($"DashboardPort must be between 0 (a free port) and 65535, not {options.DashboardPort}.");
        }

        if (string.IsNullOrWhiteSpace(options.EnvironmentName))
        {
            failures.Add("EnvironmentName must not be empty (e.g. Development).");
        }

        if (options.Configuration is { } configuration && string.IsNullOrWhiteSpace(configuration))
        {
            failures.Add("Configuration must be null (the AppHost's own) or a build configuration such as Debug or Release.");
        }

        if (options.StartTimeout <= TimeSpan.Zero)
        {
            failures.Add($"StartTimeout must be positive, not {options.StartTimeout}.");
        }

        if (options.StopGracePeriod <= TimeSpan.Zero)
        {
            failures.Add($"StopGracePeriod must be positive, not {options.StopGracePeriod}.");
        }

        if (options.LogCapacity is < 10 or > 1_000_000)
        {
            failures.Add($"LogCapacity must be between 10 and 1000000 lines, not {options.LogCapacity}.");
        }

        if (!Enum.IsDefined(options.Echo))
        {
            failures.Add($"Echo must be one of {string.Join(", ", Enum.GetNames<ConsoleEcho>())}, not {options.Echo}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
