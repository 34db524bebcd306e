using Dixis.Gateway.Descriptors;
using Dixis.ServiceDefaults.Grpc;
using Google.Api;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using HttpRequest = Microsoft.AspNetCore.Http.HttpRequest;
using Grpc.Core;
using Microsoft.AspNetCore.Grpc.JsonTranscoding;
using Microsoft.Extensions.Options;

namespace Dixis.Gateway.Errors;

/// <summary>
/// Checks a JSON request body before transcoding reads it, for two reasons. Transcoding applies no size limit
/// of its own, so the gRPC message limit is enforced here for JSON too (HTTP 413 with a RESOURCE_EXHAUSTED
/// status). And transcoding answers every malformed body with the same generic sentence, so a body that is
/// not JSON, or not the JSON form of the expected message, is rejected here with a description of the problem
/// (what is wrong, at which line and byte, or which field has the wrong type).
/// </summary>
public sealed class JsonRequestBodyGuard(
    RequestDelegate next,
    IOptions<GrpcServerDefaultsOptions> limits,
    StatusJsonWriter writer,
    ContractDescriptors contracts)
{
    // Unknown fields are ignored, as transcoding ignores them: a client may be newer than the gateway.
    private readonly JsonBodyInspector inspector = new(
        new JsonParser(JsonParser.Settings.Default.WithIgnoreUnknownFields(true).WithTypeRegistry(contracts.TypeRegistry)));

    public async Task InvokeAsync(HttpContext httpContext)
    {
        var transcoding = httpContext.GetEndpoint()?.Metadata.GetMetadata<GrpcJsonTranscodingMetadata>();
        if (transcoding is null || transcoding.HttpRule.Body.Length == 0)
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

        var target = BodyMessage(transcoding);
        if (target is not null && IsUtf8Json(request) && inspector.Problem(body, target) is { } problem)
        {
            await RejectMalformedAsync(httpContext, problem).ConfigureAwait(false);
            return;
        }

        // Transcoding reads the body again from the start.
        request.Body = new MemoryStream(body, writable: false);
        await next(httpContext).ConfigureAwait(false);
    }

    /// <summary>
    /// The message the JSON body holds: the whole request for <c>body: "*"</c>, else the named request field's
    /// message. Null where the body is not a JSON object of a message (raw HttpBody, repeated or scalar fields);
    /// transcoding alone checks those.
    /// </summary>
    private static MessageDescriptor? BodyMessage(GrpcJsonTranscodingMetadata transcoding)
    {
        var input = transcoding.MethodDescriptor.InputType;
        var message = transcoding.HttpRule.Body == "*"
            ? input
            : input.FindFieldByName(transcoding.HttpRule.Body) is { IsRepeated: false, FieldType: FieldType.Message } field ? field.MessageType : null;
        return message?.FullName == HttpBody.Descriptor.FullName ? null : message;
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
