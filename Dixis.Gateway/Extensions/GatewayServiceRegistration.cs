using Dixis.Gateway.ClientAddress;
using Dixis.Gateway.Descriptors;
using Dixis.Gateway.Errors;
using Dixis.Gateway.Forwarders;
using Dixis.Gateway.Forwarding;
using Dixis.Gateway.OpenApi;
using Dixis.Gateway.PassThrough;
using Dixis.Gateway.RateLimiting;
using Dixis.Gateway.Options;
using Dixis.Gateway.TransportSecurity;
using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.AspNetCore.Grpc.JsonTranscoding;
using Microsoft.Extensions.Options;

namespace Dixis.Gateway.Extensions;

/// <summary>Everything the gateway registers on top of the service defaults.</summary>
public static class GatewayServiceRegistration
{
    /// <summary>
    /// Response headers a gRPC-Web client in a browser must be able to read: without them exposed, a browser
    /// hides the status of every call from the page.
    /// </summary>
    private static readonly string[] ExposedGrpcHeaders = ["grpc-status", "grpc-message", "grpc-status-details-bin"];

    public static WebApplicationBuilder AddGatewayServices(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;

        services.AddOptions<GatewayOptions>()
            .Bind(builder.Configuration.GetSection(GatewayOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<GatewayOptions>, GatewayOptionsValidator>();

        services.AddSingleton<ContractDescriptors>();
        services.AddSingleton<GatewayMethods>();
        services.AddSingleton<StatusJsonWriter>();
        services.AddSingleton<CallRejection>();
        services.AddSingleton<UnknownRouteHandler>();
        services.AddSingleton<GrpcForwarder>();
        services.AddSingleton(_ => ProtoComments.For(typeof(Dixis.Contracts.Common.V1.AccessRule).Assembly));
        services.AddSingleton<OpenApiDocumentBuilder>();
        services.AddSingleton<OpenApiDocument>();

        // The gRPC server itself (message limits, detailed errors) comes from the service defaults.
        services.AddGrpc().AddJsonTranscoding();
        services.AddOptions<GrpcJsonTranscodingOptions>().Configure<ContractDescriptors>((transcoding, contracts) =>
        {
            // Error details and Any payloads are rendered with their @type; without the registry they cannot be.
            transcoding.TypeRegistry = contracts.TypeRegistry;
            // The proto3 JSON mapping: 64-bit integers as strings, so JavaScript clients do not lose precision.
            transcoding.JsonSettings.WriteInt64sAsStrings = true;
        });

        services.AddCors();
        services.AddOptions<CorsOptions>().Configure<IOptions<GatewayOptions>>((cors, gateway) =>
            cors.AddDefaultPolicy(policy => policy
                .WithOrigins(gateway.Value.AllowedOrigins)
                .AllowAnyHeader()
                .WithMethods(HttpMethods.Get, HttpMethods.Post, HttpMethods.Put, HttpMethods.Patch, HttpMethods.Delete)
                .WithExposedHeaders(ExposedGrpcHeaders)));

        // Tokens are validated here as in every service (ServiceDefaults); the access rules are enforced by
        // GatewayAccessMiddleware for all three protocols, so the forwarders need no interceptor of their own.
        builder.AddAccessTokenAuthentication();
        builder.AddDownstreamClients();
        services.AddGrpcPassThrough();
        builder.AddTransportSecurity();
        builder.AddTrustedProxies();
        builder.AddGatewayRateLimits();
        return builder;
    }
}
