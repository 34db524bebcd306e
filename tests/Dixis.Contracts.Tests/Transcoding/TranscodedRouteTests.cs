using Dixis.Contracts.Tests.Descriptors;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Dixis.Contracts.Tests.Transcoding;

/// <summary>
/// Maps every contract service with ASP.NET Core's gRPC JSON transcoding, as the gateway does,
/// and checks that each <c>google.api.http</c> route is accepted and published.
/// </summary>
public sealed class TranscodedRouteTests
{
    [Fact]
    public async Task Every_http_route_binds_in_json_transcoding()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Services.AddGrpc().AddJsonTranscoding();
        await using var app = builder.Build();
        var mapGrpcService = typeof(GrpcEndpointRouteBuilderExtensions).GetMethod(nameof(GrpcEndpointRouteBuilderExtensions.MapGrpcService), 1, [typeof(IEndpointRouteBuilder)])!;
        foreach (var service in UnimplementedServiceTypes.All)
        {
            mapGrpcService.MakeGenericMethod(service).Invoke(null, [app]);
        }

        var published = ((IEndpointRouteBuilder)app).DataSources
            .SelectMany(source => source.Endpoints)
            .OfType<RouteEndpoint>()
            .Select(endpoint => endpoint.RoutePattern.RawText ?? string.Empty)
            .Where(route => route.StartsWith("/v1/", StringComparison.Ordinal) || route.StartsWith("/.well-known/", StringComparison.Ordinal))
            .ToArray();

        var declared = ContractDescriptors.Methods
            .SelectMany(method => method.Http()?.Bindings() ?? [])
            .ToArray();

        Assert.Equal(ContractDescriptors.Services.Count, UnimplementedServiceTypes.All.Count);
        Assert.Equal(declared.Length, published.Length);
        Assert.Contains("/.well-known/jwks.json", published);
        Assert.Contains("/v1/categories:tree", published);
    }
}
