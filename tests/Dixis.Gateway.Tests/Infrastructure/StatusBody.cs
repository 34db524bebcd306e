using Dixis.Gateway.Descriptors;
using Google.Protobuf;

namespace Dixis.Gateway.Tests.Infrastructure;

/// <summary>Reads a JSON error body as the google.rpc.Status it must be.</summary>
public static class StatusBody
{
    private static readonly JsonParser Parser = new(JsonParser.Settings.Default.WithTypeRegistry(new ContractDescriptors().TypeRegistry));

    public static async Task<Google.Rpc.Status> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return Parser.Parse<Google.Rpc.Status>(await response.Content.ReadAsStringAsync(cancellationToken));
    }
}
