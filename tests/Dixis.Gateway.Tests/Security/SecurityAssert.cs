using System.Net;
using Dixis.Gateway.Tests.Infrastructure;
using Google.Rpc;
using Grpc.Core;

namespace Dixis.Gateway.Tests.Security;

/// <summary>How the security suite checks a refusal, as a client sees it in gRPC and in JSON.</summary>
public static class SecurityAssert
{
    /// <summary>The gRPC call fails with <paramref name="code"/> and, when given, the <c>ErrorInfo</c> reason.</summary>
    public static async Task<RpcException> RefusedAsync<T>(Func<AsyncUnaryCall<T>> call, StatusCode code, string? reason = null)
    {
        var failure = await Assert.ThrowsAsync<RpcException>(async () => await call());
        Assert.True(failure.StatusCode == code, $"Expected {code}, got {failure.StatusCode}: {failure.Status.Detail}");
        if (reason is not null)
        {
            Assert.Equal(reason, failure.GetRpcStatus()?.GetDetail<ErrorInfo>()?.Reason);
        }

        return failure;
    }

    /// <summary>The JSON response is <paramref name="httpStatus"/> with a google.rpc.Status body of <paramref name="code"/>.</summary>
    public static async Task<Google.Rpc.Status> RefusedAsync(HttpResponseMessage response, HttpStatusCode httpStatus, StatusCode code, string? reason = null)
    {
        Assert.Equal(httpStatus, response.StatusCode);
        var status = await StatusBody.ReadAsync(response, TestContext.Current.CancellationToken);
        Assert.Equal((int)code, status.Code);
        if (reason is not null)
        {
            Assert.Contains(status.Details, detail => detail.TryUnpack<ErrorInfo>(out var info) && info.Reason == reason);
        }

        return status;
    }
}
