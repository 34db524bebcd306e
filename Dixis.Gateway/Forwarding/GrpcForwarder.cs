using Grpc.Core;

namespace Dixis.Gateway.Forwarding;

/// <summary>
/// The one place where the gateway forwards a call to the owning service. Every per-service forwarder is a
/// one-line call into this class, so deadline, cancellation, metadata and error relay behave identically for
/// every method and every protocol (native gRPC, gRPC-Web, JSON transcoding).
/// </summary>
public sealed class GrpcForwarder(ILogger<GrpcForwarder> logger)
{
    /// <summary>Forwards a unary call and relays the response, its headers and trailers.</summary>
    public async Task<TResponse> UnaryAsync<TRequest, TResponse>(
        Func<TRequest, CallOptions, AsyncUnaryCall<TResponse>> startCall,
        TRequest request,
        ServerCallContext context)
    {
        using var call = startCall(request, DownstreamCallOptions(context));
        try
        {
            var response = await call.ResponseAsync.ConfigureAwait(false);
            await RelayHeadersAsync(await call.ResponseHeadersAsync.ConfigureAwait(false), context).ConfigureAwait(false);
            RelayTrailers(call.GetTrailers(), context);
            return response;
        }
        catch (RpcException failure)
        {
            throw Relayed(failure, context);
        }
    }

    /// <summary>Forwards a server-streaming call, relaying each message as it arrives.</summary>
    public async Task ServerStreamingAsync<TRequest, TResponse>(
        Func<TRequest, CallOptions, AsyncServerStreamingCall<TResponse>> startCall,
        TRequest request,
        IServerStreamWriter<TResponse> responseStream,
        ServerCallContext context)
    {
        using var call = startCall(request, DownstreamCallOptions(context));
        try
        {
            // Headers go out with the first message, not before: a JSON caller must still get the HTTP status
            // of a downstream error that arrives before any message.
            var headersRelayed = false;
            while (await call.ResponseStream.MoveNext(context.CancellationToken).ConfigureAwait(false))
            {
                if (!headersRelayed)
                {
                    await RelayHeadersAsync(await call.ResponseHeadersAsync.ConfigureAwait(false), context).ConfigureAwait(false);
                    headersRelayed = true;
                }

                await responseStream.WriteAsync(call.ResponseStream.Current, context.CancellationToken).ConfigureAwait(false);
            }

            if (!headersRelayed)
            {
                await RelayHeadersAsync(await call.ResponseHeadersAsync.ConfigureAwait(false), context).ConfigureAwait(false);
            }

            RelayTrailers(call.GetTrailers(), context);
        }
        catch (RpcException failure)
        {
            throw Relayed(failure, context);
        }
    }

    /// <summary>Forwards a client-streaming call, relaying each request message as it arrives.</summary>
    public async Task<TResponse> ClientStreamingAsync<TRequest, TResponse>(
        Func<CallOptions, AsyncClientStreamingCall<TRequest, TResponse>> startCall,
        IAsyncStreamReader<TRequest> requestStream,
        ServerCallContext context)
    {
        using var call = startCall(DownstreamCallOptions(context));
        try
        {
            try
            {
                while (await requestStream.MoveNext(context.CancellationToken).ConfigureAwait(false))
                {
                    await call.RequestStream.WriteAsync(requestStream.Current, context.CancellationToken).ConfigureAwait(false);
                }

                await call.RequestStream.CompleteAsync().ConfigureAwait(false);
            }
            catch (InvalidOperationException)
            {
                // The downstream call ended early (typically with an error) and refuses further writes:
                // its own status, awaited below, is what the caller must see.
            }

            var response = await call.ResponseAsync.ConfigureAwait(false);
            await RelayHeadersAsync(await call.ResponseHeadersAsync.ConfigureAwait(false), context).ConfigureAwait(false);
            RelayTrailers(call.GetTrailers(), context);
            return response;
        }
        catch (RpcException failure)
        {
            throw Relayed(failure, context);
        }
    }

    /// <summary>
    /// The incoming call's deadline and cancellation travel with the forwarded call, so a caller that gives up
    /// stops the downstream work too; a call without a deadline gets the client default from ServiceDefaults.
    /// </summary>
    private static CallOptions DownstreamCallOptions(ServerCallContext context) => new(
        headers: MetadataRelay.RequestHeaders(context.RequestHeaders),
        deadline: context.Deadline == DateTime.MaxValue ? null : context.Deadline,
        cancellationToken: context.CancellationToken);

    private static async Task RelayHeadersAsync(Metadata downstreamHeaders, ServerCallContext context)
    {
        var headers = MetadataRelay.ResponseMetadata(downstreamHeaders);
        if (headers.Count > 0)
        {
            await context.WriteResponseHeadersAsync(headers).ConfigureAwait(false);
        }
    }

    private static void RelayTrailers(Metadata downstreamTrailers, ServerCallContext context)
    {
        foreach (var entry in MetadataRelay.ResponseMetadata(downstreamTrailers))
        {
            context.ResponseTrailers.Add(entry);
        }
    }

    /// <summary>
    /// Re-raises a downstream failure unchanged: same status code and message, and its trailers
    /// (grpc-status-details-bin included), which every protocol of the gateway turns into its own error shape.
    /// A failure raised by the gateway's own client before the service answered (connection refused, name not
    /// resolved) keeps its code, but its message, which names internal addresses, stays in the gateway's log.
    /// </summary>
    private RpcException Relayed(RpcException failure, ServerCallContext context)
    {
        if (failure.Status.DebugException is { } clientSideCause)
        {
            GatewayLog.DownstreamUnreachable(logger, context.Method, failure.StatusCode, clientSideCause);
            return new RpcException(new Status(failure.StatusCode, ClientSideFailure.Message(context.Method, failure.StatusCode)));
        }

        GatewayLog.DownstreamFailed(logger, context.Method, failure.StatusCode);
        return new RpcException(failure.Status, MetadataRelay.ResponseMetadata(failure.Trailers));
    }
}
