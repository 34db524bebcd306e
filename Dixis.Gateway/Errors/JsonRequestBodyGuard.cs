using System.Text.Json;
using Dixis.ServiceDefaults.Grpc;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using HttpRequest = Microsoft.AspNetCore.Http.HttpRequest;
using Grpc.Core;
using Microsoft.AspNetCore.Grpc.JsonTranscoding;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace Dixis.Gateway.Errors;

/// <summary>
/// Checks a JSON request body before transcoding reads it, for two reasons. Transcoding applies no size limit
/// of its own, so the gRPC message limit is enforced here for JSON too (HTTP 413 with a RESOURCE_EXHAUSTED
/// status). And transcoding answers every syntax error with the same generic sentence, so malformed JSON is
/// rejected here with the parser's own description (what is wrong, at which line and byte).
/// </summary>
public sealed class JsonRequestBodyGuard(
    RequestDelegate next,
    IOptions<GrpcServerDefaultsOptions> limits,
    StatusJsonWriter writer)
{
    public async Task InvokeAsync(HttpContext httpContext)
    {
        var isTranscodedCall = httpContext.GetEndpoint()?.Metadata.GetMetadata<GrpcJsonTranscodingMetadata>() is not null;
        var canHaveBody = httpContext.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody ?? false;
        if (!isTranscodedCall || !canHaveBody)
        {
            await next(httpContext).ConfigureAwait(false);
            return;
        }

        var limit = limits.Value.MaxReceiveMessageSize;
        var request = httpContext.Request;
        if (request.ContentLength > limit)
        {
            await RejectOversizeAsync(httpContext, limit).ConfigureAwait(false);
            return;
        }

        byte[] body;
        try
        {
            body = await ReadBoundedAsync(request.Body, limit, httpContext.RequestAborted).ConfigureAwait(false);
        }
        catch (BadHttpRequestException tooLarge) when (tooLarge.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            await RejectOversizeAsync(httpContext, limit).ConfigureAwait(false);
            return;
        }

        if (body.Length > limit)
        {
            await RejectOversizeAsync(httpContext, limit).ConfigureAwait(false);
            return;
        }

        if (IsUtf8Json(request) && SyntaxError(body) is { } problem)
        {
            await RejectMalformedAsync(httpContext, problem).ConfigureAwait(false);
            return;
        }

        // Transcoding reads the body again from the start.
        request.Body = new MemoryStream(body, writable: false);
        await next(httpContext).ConfigureAwait(false);
    }

    /// <summary>Reads at most <paramref name="limit"/> + 1 bytes: enough to know the body is too large without buffering all of it.</summary>
    private static async Task<byte[]> ReadBoundedAsync(Stream body, int limit, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > limit)
            {
                break;
            }
        }

        return buffer.ToArray();
    }

    private static bool IsUtf8Json(HttpRequest request)
    {
        if (!Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType))
        {
            return false;
        }

        var isJson = mediaType.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || mediaType.Suffix.Equals("json", StringComparison.OrdinalIgnoreCase);
        var isUtf8 = !mediaType.Charset.HasValue
            || mediaType.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase);
        return isJson && isUtf8;
    }

    private static string? SyntaxError(byte[] body)
    {
        if (body.Length == 0)
        {
            return "Request body is empty; this method expects a JSON body.";
        }

        try
        {
            var reader = new Utf8JsonReader(body, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow });
            while (reader.Read())
            {
            }

            return null;
        }
        catch (JsonException malformed)
        {
            return $"Request body is not valid JSON: {malformed.Message}";
        }
    }

    private Task RejectMalformedAsync(HttpContext httpContext, string problem)
    {
        var status = new Google.Rpc.Status { Code = (int)StatusCode.InvalidArgument, Message = problem };
        status.Details.Add(Any.Pack(new BadRequest
        {
            FieldViolations = { new BadRequest.Types.FieldViolation { Field = "body", Description = problem } },
        }));
        return writer.WriteAsync(httpContext, StatusCodes.Status400BadRequest, status);
    }

    /// <summary>
    /// 413, not the 429 Google maps RESOURCE_EXHAUSTED to: the body is too large, and retrying the same request
    /// later will not help, which is what 413 tells an HTTP client. The body keeps code 8 (RESOURCE_EXHAUSTED),
    /// as native gRPC and gRPC-Web report it.
    /// </summary>
    private Task RejectOversizeAsync(HttpContext httpContext, int limit)
    {
        var status = new Google.Rpc.Status
        {
            Code = (int)StatusCode.ResourceExhausted,
            Message = $"Request body exceeds the gateway's message size limit of {limit} bytes.",
        };
        return writer.WriteAsync(httpContext, StatusCodes.Status413PayloadTooLarge, status);
    }
}
