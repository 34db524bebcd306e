using Microsoft.Extensions.Options;

namespace Dixis.Gateway.TransportSecurity;

/// <summary>Refuses an HSTS policy that browsers would ignore or preload lists would reject, at start.</summary>
public sealed class TransportSecurityOptionsValidator : IValidateOptions<TransportSecurityOptions>
{
    /// <summary>The shortest max-age the browsers' preload lists accept (hstspreload.org).</summary>
    private static readonly TimeSpan PreloadMinimumMaxAge = TimeSpan.FromDays(365);

    public ValidateOptionsResult Validate(string? name, TransportSecurityOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var hsts = options.Hsts;
        var failures = new List<string>();
        if (hsts.MaxAge < TimeSpan.Zero)
        {
            failures.Add($"{TransportSecurityOptions.SectionName}:Hsts:MaxAge must not be negative (it is {hsts.MaxAge}).");
        }

        if (hsts.Preload && (hsts.MaxAge < PreloadMinimumMaxAge || !hsts.IncludeSubDomains))
        {
            failures.Add(
                $"{TransportSecurityOptions.SectionName}:Hsts:Preload needs MaxAge of at least {PreloadMinimumMaxAge.TotalDays} days "
                + "and IncludeSubDomains; preload lists reject anything less.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
