using System.Text.Json;

namespace Dixis.Gateway.OpenApi;

/// <summary>
/// The OpenAPI document, built once when the gateway starts and served as the same bytes afterwards:
/// the contracts cannot change while the process runs.
/// </summary>
public sealed class OpenApiDocument(OpenApiDocumentBuilder builder)
{
    private readonly Lazy<byte[]> utf8Json = new(
        () => JsonSerializer.SerializeToUtf8Bytes(builder.Build(), new JsonSerializerOptions { WriteIndented = true }));

    /// <summary>The document as UTF-8 JSON.</summary>
    public ReadOnlyMemory<byte> Utf8Json => utf8Json.Value;
}
