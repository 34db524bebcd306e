using Dixis.ServiceDefaults.Grpc;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace Dixis.ServiceDefaults.Security;

/// <summary>
/// Enforces each method's declared audience in the service itself, so the gateway is not the only wall: a call with a
/// bad token, or without one to a method that needs one, is refused UNAUTHENTICATED; a caller without the role or
/// scope, PERMISSION_DENIED; both before the method runs (<see cref="AccessRuleEvaluator"/>). Ownership of individual
/// resources is the service's own check.
/// </summary>
internal sealed class AccessRuleInterceptor(ContractAccessRules rules) : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        await CheckAsync(context).ConfigureAwait(false);
        return await continuation(request, context).ConfigureAwait(false);
    }

    public override async Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        await CheckAsync(context).ConfigureAwait(false);
        return await continuation(requestStream, context).ConfigureAwait(false);
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        await CheckAsync(context).ConfigureAwait(false);
        await continuation(request, responseStream, context).ConfigureAwait(false);
    }

    public override async Task DuplexStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        await CheckAsync(context).ConfigureAwait(false);
        await continuation(requestStream, responseStream, context).ConfigureAwait(false);
    }

    private async Task CheckAsync(ServerCallContext context)
    {
        var decision = await AccessRuleEvaluator.EvaluateAsync(context.GetHttpContext(), context.Method, rules.For(context.Method)).ConfigureAwait(false);
        if (decision.IsAdmitted)
        {
            return;
        }

        var domain = DomainOf(context.Method);
        throw decision.Code == StatusCode.Unauthenticated
            ? RpcErrors.Unauthenticated(domain, decision.Reason!, decision.Message!)
            : RpcErrors.PermissionDenied(domain, decision.Reason!, decision.Message!);
    }

    /// <summary><c>/dixis.catalog.v1.X/Y</c> → <c>dixis.catalog</c>, the error domain of the service that refuses.</summary>
    private static string DomainOf(string method)
    {
        var parts = method.TrimStart('/').Split('.', 3);
        return parts.Length >= 2 ? $"{parts[0]}.{parts[1]}" : "dixis";
    }
}
