using Dixis.Persistence.Hosting;

namespace Dixis.Auth.Extensions;

/// <summary>Everything the auth service needs besides the shared service defaults.</summary>
public static class AuthServiceExtensions
{
    public const string ServiceName = "auth";

    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddCallerIdentity();
        builder.AddAuthDataProtection();
        builder.AddAddressBook();

        // Collections are declared by the issues that implement this service's methods; the store
        // (and its readiness check) is there from the start so every service runs the same way.
        builder.AddDocumentStore(ServiceName, store => store.DeclareAddressBook());

        return builder;
    }
}
