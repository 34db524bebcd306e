using Google.Protobuf.Reflection;
using Grpc.Core;
using Grpc.Net.Client.Configuration;

namespace Dixis.ServiceDefaults.Grpc;

/// <summary>
/// Builds the channel's retry policy from the contract itself: only methods whose proto declares
/// <c>idempotency_level</c> NO_SIDE_EFFECTS or IDEMPOTENT are retried, and only on <c>UNAVAILABLE</c>
/// (the server never started processing). Anything else could charge a card twice.
/// </summary>
public static class IdempotentRetryPolicy
{
    /// <summary>The service config for one contract service, or null when none of its methods may be retried.</summary>
    public static ServiceConfig? CreateServiceConfig(ServiceDescriptor service, GrpcClientDefaultsOptions options)
    {
        var methodConfig = new MethodConfig
        {
            RetryPolicy = new RetryPolicy
            {
                MaxAttempts = options.MaxAttempts,
                InitialBackoff = options.InitialBackoff,
                MaxBackoff = options.MaxBackoff,
                BackoffMultiplier = options.BackoffMultiplier,
                RetryableStatusCodes = { StatusCode.Unavailable },
            },
        };

        foreach (var method in service.Methods.Where(IsIdempotent))
        {
            methodConfig.Names.Add(new MethodName { Service = service.FullName, Method = method.Name });
        }

        return methodConfig.Names.Count == 0 ? null : new ServiceConfig { MethodConfigs = { methodConfig } };
    }

    /// <summary>Whether the contract lets a caller send the method again after UNAVAILABLE.</summary>
    public static bool IsIdempotent(MethodDescriptor method) =>
        method.GetOptions()?.IdempotencyLevel is MethodOptions.Types.IdempotencyLevel.NoSideEffects
            or MethodOptions.Types.IdempotencyLevel.Idempotent;
}
