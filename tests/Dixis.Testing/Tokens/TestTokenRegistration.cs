using Dixis.ServiceDefaults.Security.Tokens;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Dixis.Testing.Tokens;

/// <summary>Makes a service under test trust a <see cref="TestTokenIssuer"/> instead of the Auth service.</summary>
public static class TestTokenRegistration
{
    public static IServiceCollection TrustTestTokens(this IServiceCollection services, TestTokenIssuer issuer)
    {
        ArgumentNullException.ThrowIfNull(issuer);
        services.RemoveAll<IAccessTokenKeys>();
        services.RemoveAll<ITokenRevocations>();
        services.AddSingleton(issuer.Keys);
        services.AddSingleton<ITokenRevocations>(issuer.Revocations);
        return services;
    }
}
