using Dixis.Services.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Dixis.Services.Tests.Auth;

/// <summary>The settings the Auth tests run with: a bootstrap administrator, and a lockout after three failures.</summary>
public static class AuthSettings
{
    public static ServiceSettings Create(string? dataDirectory = null, Dictionary<string, string?>? extra = null, Action<IServiceCollection>? services = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["Auth:BootstrapAdmin:Email"] = AuthApi.AdminEmail,
            ["Auth:BootstrapAdmin:Password"] = AuthApi.AdminPassword,
            ["Auth:Lockout:MaxFailures"] = "3",
        };
        foreach (var (key, value) in extra ?? [])
        {
            values[key] = value;
        }

        return new ServiceSettings(dataDirectory) { Values = values, Services = services };
    }
}
