using Dixis.Gateway.Descriptors;
using Microsoft.Extensions.Options;

namespace Dixis.Gateway.RateLimiting;

/// <summary>
/// The rules data annotations cannot state: a rate finer than the microsecond clock both limiters count in, a
/// "sensitive" limit that is not stricter than the general one, and a sensitive method the gateway does not serve
/// (a typo would leave the real method limited like any read).
/// </summary>
public sealed class RateLimitOptionsValidator(GatewayMethods methods) : IValidateOptions<RateLimitOptions>
{
    public ValidateOptionsResult Validate(string? name, RateLimitOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.PerIp is null || options.PerUser is null || options.PerClient is null || options.Sensitive is null)
        {
            // The data annotations name the missing rule.
            return ValidateOptionsResult.Skip;
        }

        var failures = new List<string>();
        foreach (var (rule, ruleName) in new[] { (options.PerIp, "PerIp"), (options.PerUser, "PerUser"), (options.PerClient, "PerClient"), (options.Sensitive, "Sensitive") })
        {
            if (rule.Requests > 0 && rule.IntervalMicroseconds < 1)
            {
                failures.Add($"{RateLimitOptions.SectionName}:{ruleName}: {rule.Requests} requests per {rule.Period} is more than one per microsecond; lengthen Period or lower Requests.");
            }
        }

        if (options.Sensitive.IntervalMicroseconds < options.PerIp.IntervalMicroseconds || options.Sensitive.Burst > options.PerIp.Burst)
        {
            failures.Add($"{RateLimitOptions.SectionName}:Sensitive ({options.Sensitive}) must be at least as strict as PerIp ({options.PerIp}) in rate and burst.");
        }

        foreach (var path in options.EffectiveSensitiveMethods)
        {
            if (methods.Find(path) is null)
            {
                failures.Add($"{RateLimitOptions.SectionName}:SensitiveMethods entry '{path}' is not a public method the gateway serves (expected /package.Service/Method).");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
