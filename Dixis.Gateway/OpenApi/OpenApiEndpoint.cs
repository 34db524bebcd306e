namespace Dixis.Gateway.OpenApi;

/// <summary>Serves the generated document at <c>GET /openapi/v1.json</c>.</summary>
public static class OpenApiEndpoint
{
    public const string Path = "/openapi/v1.json";

    public static IEndpointConventionBuilder MapOpenApiDocument(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);

        // Building here, not on the first request, makes a contract the generator cannot describe fail the start.
        var document = endpoints.ServiceProvider.GetRequiredService<OpenApiDocument>();
        _ = document.Utf8Json;

        return endpoints.MapGet(Path, () => Results.Bytes(document.Utf8Json, "application/json"))
            .WithDisplayName("OpenAPI document");
    }
}
