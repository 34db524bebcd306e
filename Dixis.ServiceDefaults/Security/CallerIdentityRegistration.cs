using Dixis.ServiceDefaults.Security;
using Grpc.AspNetCore.Server;
using Grpc.Core;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.Extensions.Hosting;

/// <summary>How a service learns who calls it and refuses callers its contract does not admit.</summary>
public static class CallerIdentityRegistration
{
    /// <summary>
    /// Authenticates calls from the interim <see cref="InternalCallerHeader"/> (see there) and enforces every
    /// method's declared access rule (<see cref="ContractAccessRules"/>). Only for services behind the gateway,
    /// never for the gateway itself, which strips the header from outside calls.
    /// </summary>
    public static IHostApplicationBuilder AddCallerIdentity(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services
            .AddAuthentication(InternalCallerAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, InternalCallerAuthenticationHandler>(InternalCallerAuthenticationHandler.SchemeName, configureOptions: null);
        builder.Services.AddSingleton<ContractAccessRules>();
        builder.Services.AddSingleton<AccessRuleInterceptor>();
        builder.Services.Configure<GrpcServiceOptions>(options => options.Interceptors.Add<AccessRuleInterceptor>());
        return builder;
    }

    /// <summary>The caller of a gRPC call (anonymous when none was authenticated).</summary>
    public static Caller GetCaller(this ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Caller.From(context.GetHttpContext().User);
    }
}
