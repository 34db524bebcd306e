using System.Net;
using Microsoft.Extensions.Options;

namespace Dixis.Gateway.ClientAddress;

/// <summary>Refuses addresses and networks that would silently never match, so a typo fails at start.</summary>
public sealed class TrustedProxyOptionsValidator : IValidateOptions<TrustedProxyOptions>
{
    public ValidateOptionsResult Validate(string? name, TrustedProxyOptions options)
    {
        var failures = new List<string>();
        failures.AddRange(options.Addresses
            .Where(address => !IPAddress.TryParse(address, out _))
            .Select(address => $"{TrustedProxyOptions.SectionName}:Addresses entry '{address}' is not an IP address."));
        failures.AddRange(options.Networks
            .Where(network => !System.Net.IPNetwork.TryParse(network, out _))
            .Select(network => $"{TrustedProxyOptions.SectionName}:Networks entry '{network}' is not a network in CIDR form such as 10.0.0.0/8."));
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
