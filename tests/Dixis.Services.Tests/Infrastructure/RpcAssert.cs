using Google.Rpc;
using Grpc.Core;

namespace Dixis.Services.Tests.Infrastructure;

/// <summary>Assertions on gRPC errors as a client sees them: code, ErrorInfo reason, the fields named.</summary>
public static class RpcAssert
{
    /// <summary>The call fails with <paramref name="code"/> (and <paramref name="reason"/>, when given).</summary>
    public static async Task<RpcException> FailsAsync<T>(Func<AsyncUnaryCall<T>> call, StatusCode code, string? reason = null)
    {
        var error = await Assert.ThrowsAsync<RpcException>(async () => await call());
        Assert.True(error.StatusCode == code, $"Expected {code}, got {error.StatusCode}: {error.Status.Detail}");
        if (reason is not null)
        {
            Assert.Equal(reason, error.GetRpcStatus()?.GetDetail<ErrorInfo>()?.Reason);
        }

        return error;
    }

    /// <summary>INVALID_ARGUMENT naming <paramref name="field"/> (exactly, or a field below it).</summary>
    public static async Task<BadRequest.Types.FieldViolation> InvalidFieldAsync<T>(Func<AsyncUnaryCall<T>> call, string field, string? reason = null)
    {
        var error = await FailsAsync(call, StatusCode.InvalidArgument);
        return Violation(error, field, reason);
    }

    public static BadRequest.Types.FieldViolation Violation(RpcException error, string field, string? reason = null)
    {
        var violations = error.GetRpcStatus()?.GetDetail<BadRequest>()?.FieldViolations ?? [];
        var violation = violations.FirstOrDefault(v => v.Field == field || v.Field.StartsWith(field + ".", StringComparison.Ordinal) || v.Field.StartsWith(field + "[", StringComparison.Ordinal));
        Assert.True(violation is not null, $"No violation of '{field}' in: {string.Join("; ", violations.Select(v => $"{v.Field}: {v.Description}"))}");
        if (reason is not null)
        {
            Assert.Equal(reason, violation!.Reason);
        }

        return violation!;
    }
}
