using Dixis.Contracts.Auth.V1;
using Dixis.Gateway.Forwarding;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace Dixis.Gateway.Forwarders.Auth;

/// <summary>Serves <c>dixis.auth.v1.AuthService</c> at the gateway by forwarding each call to the auth service.</summary>
public sealed class AuthServiceForwarder(GrpcForwarder forwarder, AuthService.AuthServiceClient downstream)
    : AuthService.AuthServiceBase
{
    public override Task<RegisterResponse> Register(RegisterRequest request, ServerCallContext context) =>
        forwarder.UnaryAsync(downstream.RegisterAsync, request, context);

    public override Task<LoginResponse> Login(LoginRequest request, ServerCallContext context) =>
        forwarder.UnaryAsync(downstream.LoginAsync, request, context);

    public override Task<RefreshTokenResponse> RefreshToken(RefreshTokenRequest request, ServerCallContext context) =>
        forwarder.UnaryAsync(downstream.RefreshTokenAsync, request, context);

    public override Task<Empty> Logout(LogoutRequest request, ServerCallContext context) =>
        forwarder.UnaryAsync(downstream.LogoutAsync, request, context);

    public override Task<ChangePasswordResponse> ChangePassword(ChangePasswordRequest request, ServerCallContext context) =>
        forwarder.UnaryAsync(downstream.ChangePasswordAsync, request, context);

    public override Task<Empty> RequestEmailVerification(RequestEmailVerificationRequest request, ServerCallContext context) =>
        forwarder.UnaryAsync(downstream.RequestEmailVerificationAsync, request, context);

    public override Task<Empty> ConfirmEmailVerification(ConfirmEmailVerificationRequest request, ServerCallContext context) =>
        forwarder.UnaryAsync(downstream.ConfirmEmailVerificationAsync, request, context);

    public override Task<Empty> RequestPasswordReset(RequestPasswordResetRequest request, ServerCallContext context) =>
        forwarder.UnaryAsync(downstream.RequestPasswordResetAsync, request, context);

    public override Task<Empty> ConfirmPasswordReset(ConfirmPasswordResetRequest request, ServerCallContext context) =>
        forwarder.UnaryAsync(downstream.ConfirmPasswordResetAsync, request, context);

    public override Task<ExchangeClientCredentialsResponse> ExchangeClientCredentials(ExchangeClientCredentialsRequest request, ServerCallContext context) =>
        forwarder.UnaryAsync(downstream.ExchangeClientCredentialsAsync, request, context);
}
