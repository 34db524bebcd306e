using Grpc.Core;

namespace Dixis.Gateway.Errors;

/// <summary>
/// Answers requests that match no gateway method. Without it ASP.NET Core returns an empty 404, which a JSON
/// client cannot tell apart from a missing resource; this names the method and path that were not found.
/// </summary>
public sealed class UnknownRouteHandler(StatusJsonWriter writer)
{
    // Echoing an arbitrarily long path back would let a caller inflate error responses.
    private const int MaxEchoedPathLength = 256;

    public Task HandleAsync(HttpContext httpContext)
    {
        var path = httpContext.Request.Path.Value ?? "/";
        if (path.Length > MaxEchoedPathLength)
        {
            path = string.Concat(path.AsSpan(0, MaxEchoedPathLength), "...");
        }

        var status = new Google.Rpc.Status
        {
            Code = (int)StatusCode.NotFound,
            Message = $"No gateway method is mapped to {httpContext.Request.Method} {path}.",
        };
        return writer.WriteAsync(httpContext, StatusCodes.Status404NotFound, status);
    }
}
