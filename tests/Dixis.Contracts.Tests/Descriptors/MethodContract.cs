using Dixis.Contracts.Common.V1;
using Google.Api;
using Google.Protobuf.Reflection;

namespace Dixis.Contracts.Tests.Descriptors;

/// <summary>The options a method declares in its contract, read the way the gateway reads them.</summary>
internal static class MethodContract
{
    public static AccessRule? Access(this MethodDescriptor method) =>
        method.GetOptions() is { } options && options.HasExtension(AccessExtensions.Access)
            ? options.GetExtension(AccessExtensions.Access)
            : null;

    public static HttpRule? Http(this MethodDescriptor method) =>
        method.GetOptions() is { } options && options.HasExtension(AnnotationsExtensions.Http)
            ? options.GetExtension(AnnotationsExtensions.Http)
            : null;

    public static MethodOptions.Types.IdempotencyLevel Idempotency(this MethodDescriptor method) =>
        method.GetOptions()?.IdempotencyLevel ?? MethodOptions.Types.IdempotencyLevel.IdempotencyUnknown;

    public static bool IsInternal(this MethodDescriptor method) =>
        method.Access()?.Audience == Audience.Internal;

    /// <summary>Every binding of the rule: the rule itself and its additional bindings.</summary>
    public static IEnumerable<HttpBinding> Bindings(this HttpRule rule) =>
        rule.AdditionalBindings.SelectMany(Bindings).Prepend(HttpBinding.From(rule));
}
