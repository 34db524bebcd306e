using Dixis.Contracts.Auth.V1;
using Dixis.ServiceDefaults.Health;
using Dixis.ServiceDefaults.Security;
using Dixis.ServiceDefaults.Security.Tokens;
using Grpc.AspNetCore.Server;
using Grpc.Core;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Configuration;

namespace Microsoft.Extensions.Hosting;

/// <summary>How a service learns who calls it and refuses callers its contract does not admit.</summary>
public static class CallerIdentityRegistration
{
    /// <summary>
    /// Authenticates calls by access token (<see cref="AccessTokenAuthenticationHandler"/>: the Auth service's JWKS and
    /// revocation list, read through service discovery) and enforces every method's declared access rule
    /// (<see cref="ContractAccessRules"/>) in the service itself. The Auth service registers its own
    /// <see cref="IAccessTokenKeys"/> and <see cref="ITokenRevocations"/> before calling this, and they are kept.
    /// </summary>
    public static IHostApplicationBuilder AddCallerIdentity(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddAccessTokenAuthentication();
        builder.Services.AddSingleton<ContractAccessRules>();
        builder.Services.AddSingleton<AccessRuleInterceptor>();
        builder.Services.Configure<GrpcServiceOptions>(options => options.Interceptors.Add<AccessRuleInterceptor>());
        return builder;
    }

    /// <summary>
    /// Access-token authentication alone, for the gateway, which enforces access rules before forwarding in every
    /// protocol (and so needs no interceptor on its forwarders).
    /// </summary>
    public static IHostApplicationBuilder AddAccessTokenAuthentication(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<AccessTokenOptions>()
            .BindConfiguration(AccessTokenOptions.SectionName)
            .ValidateDataAnnotations()
            .Validate<IHostEnvironment>(
                (options, environment) => !options.TrustInternalCallerHeader || environment.IsDevelopment(),
                $"{AccessTokenOptions.SectionName}:TrustInternalCallerHeader accepts unproven identities and is allowed in Development only.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);

        var authority = AccessTokenOptions.AuthorityServiceIn(builder.Configuration);
        builder.AddGrpcServiceClient<JwksService.JwksServiceClient>(authority, propagateCallContext: false);
        builder.AddGrpcServiceClient<TokenRevocationService.TokenRevocationServiceClient>(authority, propagateCallContext: false);
        services.TryAddSingleton<IAccessTokenKeys, JwksServiceKeys>();
        services.TryAddSingleton<TokenRevocationFeed>();
        services.TryAddSingleton<ITokenRevocations>(sp => sp.GetRequiredService<TokenRevocationFeed>());
        // The feed polls only where it is the revocation source in use (not in the Auth service, which has its own).
        services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<ITokenRevocations>() as TokenRevocationFeed ?? (IHostedService)new IdleService());
        services.AddHealthChecks().AddCheck<TokenRevocationHealthCheck>("token-revocations", tags: [HealthCheckTags.Ready]);
        services.TryAddSingleton<ValidatedTokenCache>();
        services.TryAddSingleton<AccessTokenValidator>();

        var trustInternalCaller = builder.Configuration.GetValue<bool>($"{AccessTokenOptions.SectionName}:{nameof(AccessTokenOptions.TrustInternalCallerHeader)}");
        var authentication = services.AddAuthentication(trustInternalCaller ? CallerSchemes.Selecting : AccessTokenAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, AccessTokenAuthenticationHandler>(AccessTokenAuthenticationHandler.SchemeName, configureOptions: null);
        if (trustInternalCaller)
        {
            authentication
                .AddScheme<AuthenticationSchemeOptions, InternalCallerAuthenticationHandler>(InternalCallerAuthenticationHandler.SchemeName, configureOptions: null)
                .AddPolicyScheme(CallerSchemes.Selecting, "Access token, or the interim internal caller header", policy => policy.ForwardDefaultSelector =
                    context => context.Request.Headers.ContainsKey(InternalCallerHeader.Name)
                        ? InternalCallerAuthenticationHandler.SchemeName
                        : AccessTokenAuthenticationHandler.SchemeName);
        }

        return builder;
    }

    /// <summary>The caller of a gRPC call (anonymous when none was authenticated).</summary>
    public static Caller GetCaller(this ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.GetHttpContext().GetCaller();
    }

    /// <summary>
    /// The caller of a request: the one the access token made (computed once per token), or else read from the
    /// authenticated principal (the interim header, test principals), or anonymous.
    /// </summary>
    public static Caller GetCaller(this HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        return httpContext.Features.Get<CallerFeature>()?.Caller ?? Caller.From(httpContext.User);
    }

    private static class CallerSchemes
    {
        public const string Selecting = "AccessTokenOrInternalCaller";
    }

    /// <summary>Stands in for the revocation feed's polling where the feed is not used.</summary>
    private sealed class IdleService : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
