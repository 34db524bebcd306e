using Grpc.AspNetCore.Server;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Dixis.ServiceDefaults.Grpc;

/// <summary>gRPC server with shared limits, plus server reflection.</summary>
internal static class GrpcServerRegistration
{
    public static void AddDefaultGrpcServer(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<GrpcServerDefaultsOptions>()
            .Bind(builder.Configuration.GetSection(GrpcServerDefaultsOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();

        builder.Services.AddGrpc();
        builder.Services.AddOptions<GrpcServiceOptions>()
            .Configure<IOptions<GrpcServerDefaultsOptions>, IHostEnvironment>((grpc, defaults, environment) =>
            {
                grpc.MaxReceiveMessageSize = defaults.Value.MaxReceiveMessageSize;
                grpc.MaxSendMessageSize = defaults.Value.MaxSendMessageSize;

                // Exception messages can reveal internals; callers outside Development get the status only.
                grpc.EnableDetailedErrors = environment.IsDevelopment();
            });

        builder.Services.AddGrpcReflection();
    }

    public static void MapDefaultGrpcEndpoints(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<GrpcServerDefaultsOptions>>().Value;
        if (app.Environment.IsDevelopment() || options.EnableReflection)
        {
            app.MapGrpcReflectionService();
        }
    }
}
