using Dixis.Gateway.Descriptors;
using Google.Protobuf;

namespace Dixis.Gateway.Errors;

/// <summary>
/// Writes the gateway's own errors in the same shape JSON transcoding gives downstream errors:
/// a <c>google.rpc.Status</c> body (<c>code</c>, <c>message</c>, <c>details</c> with <c>@type</c>), so a JSON
/// client handles every error of the API one way.
/// </summary>
public sealed class StatusJsonWriter(ContractDescriptors contracts)
{
    private readonly JsonFormatter formatter = new(JsonFormatter.Settings.Default.WithTypeRegistry(contracts.TypeRegistry));

    public async Task WriteAsync(HttpContext httpContext, int httpStatusCode, Google.Rpc.Status status)
    {
        var response = httpContext.Response;
        if (response.HasStarted)
        {
            return;
        }

        response.StatusCode = httpStatusCode;
        response.ContentType = "application/json; charset=utf-8";
        await response.WriteAsync(formatter.Format(status), httpContext.RequestAborted).ConfigureAwait(false);
    }
}
