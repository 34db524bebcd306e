using Dixis.Contracts.Common.V1;
using Dixis.ServiceDefaults.Grpc;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.Extensions.Hosting;

namespace Dixis.ServiceDefaults.Security;

/// <summary>
/// Enforces each method's declared audience in the service itself, so the gateway is not the only wall:
/// a method for roles refuses an anonymous caller (UNAUTHENTICATED) and a caller without the role or scope
/// (PERMISSION_DENIED), before the method runs. Ownership of individual resources is the service's own check.
/// </summary>
internal sealed class AccessRuleInterceptor(ContractAccessRules rules) : Interceptor
{
    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        Check(context);
        return continuation(request, context);
    }

    public override Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Check(context);
        return continuation(requestStream, context);
    }

    public override Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Check(context);
        return continuation(request, responseStream, context);
    }

    public override Task DuplexStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Check(context);
        return continuation(requestStream, responseStream, context);
    }

    private void Check(ServerCallContext context)
    {
        var rule = rules.For(context.Method);
        if (rule is null || rule.Audience is Audience.Public or Audience.Internal)
        {
            return;
        }

        var caller = context.GetCaller();
        var domain = DomainOf(context.Method);
        if (caller.IsAnonymous)
        {
            throw RpcErrors.Unauthenticated(domain, RpcErrors.TokenMissingReason, $"{context.Method} needs a signed-in caller.");
        }

        var admitted = rule.Audience switch
        {
            Audience.Authenticated => true,
            Audience.Roles => caller.HasAnyRole(rule.Roles) || (rule.Scopes.Count > 0 && caller.HasAnyScope(rule.Scopes)),
            Audience.Partner => caller.HasAnyScope(rule.Scopes),
            _ => false,
        };
        if (!admitted)
        {
            var needs = rule.Audience == Audience.Partner
                ? $"a partner client with one of the scopes {string.Join(", ", rule.Scopes)}"
                : $"one of the roles {string.Join(", ", rule.Roles)}" + (rule.Scopes.Count > 0 ? $" or scopes {string.Join(", ", rule.Scopes)}" : string.Empty);
            throw RpcErrors.PermissionDenied(domain, RpcErrors.AccessDeniedReason, $"{context.Method} needs {needs}.");
        }
    }

    /// <summary><c>/dixis.catalog.v1.X/Y</c> → <c>dixis.catalog</c>, the error domain of the service that refuses.</summary>
    private static string DomainOf(string method)
    {
        var parts = method.TrimStart('/').Split('.', 3);
        return parts.Length >= 2 ? $"{parts[0]}.{parts[1]}" : "dixis";
    }
}
