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

    /// <summary>
    /// Makes a service that has key sources of its own (the Auth service, which verifies the tokens it issues) trust the
    /// test issuer's key as well, so a test can call as any user id; its own keys and revocations stay in force.
    /// </summary>
    public static IServiceCollection AlsoTrustTestTokens(this IServiceCollection services, TestTokenIssuer issuer)
    {
        ArgumentNullException.ThrowIfNull(issuer);
        var own = services.LastOrDefault(service => service.ServiceType == typeof(IAccessTokenKeys))
            ?? throw new InvalidOperationException("The service registers no IAccessTokenKeys of its own; use TrustTestTokens.");
        services.Remove(own);
        services.AddSingleton<IAccessTokenKeys>(provider => new CombinedAccessTokenKeys(Resolve(provider, own), issuer.Keys));
        return services;
    }

    private static IAccessTokenKeys Resolve(IServiceProvider provider, ServiceDescriptor descriptor) =>
        (IAccessTokenKeys)(descriptor.ImplementationInstance
            ?? descriptor.ImplementationFactory?.Invoke(provider)
            ?? ActivatorUtilities.CreateInstance(provider, descriptor.ImplementationType!));
}
