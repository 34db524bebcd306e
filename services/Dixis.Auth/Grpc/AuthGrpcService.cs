using Dixis.Auth.Accounts;
using Dixis.Auth.Audit;
using Dixis.Auth.Partners;
using Dixis.Auth.Sessions;
using Dixis.Contracts.Auth.V1;
using Dixis.ServiceDefaults.Grpc;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace Dixis.Auth.Grpc;

/// <summary><c>dixis.auth.v1.AuthService</c>: registration, sign-in, sessions, passwords, email verification, client credentials.</summary>
public sealed class AuthGrpcService(
    AccountRegistration registration,
    SignIn signIn,
    SessionTokens sessions,
    PasswordChanges passwords,
    EmailVerification emailVerification,
    ClientCredentialsExchange clientCredentials) : AuthService.AuthServiceBase
{
    private static readonly Empty Done = new();

    public override Task<RegisterResponse> Register(RegisterRequest request, ServerCallContext context) =>
        registration.RegisterAsync(request, context.CancellationToken);

    public override Task<LoginResponse> Login(LoginRequest request, ServerCallContext context) =>
        signIn.LoginAsync(request, RequestOrigin.From(context), context.CancellationToken);

    public override async Task<RefreshTokenResponse> RefreshToken(RefreshTokenRequest request, ServerCallContext context)
    {
        RequireToken(request.RefreshToken, "refresh_token");
        return new RefreshTokenResponse { Tokens = await sessions.RefreshAsync(request.RefreshToken, RequestOrigin.From(context), context.CancellationToken) };
    }

    public override async Task<Empty> Logout(LogoutRequest request, ServerCallContext context)
    {
        RequireToken(request.RefreshToken, "refresh_token");
        await sessions.EndAsync(request.RefreshToken, context.CancellationToken);
        return Done;
    }

    public override Task<ChangePasswordResponse> ChangePassword(ChangePasswordRequest request, ServerCallContext context) =>
        passwords.ChangeAsync(request, SignedInUser.From(context), RequestOrigin.From(context), context.CancellationToken);

    public override async Task<Empty> RequestEmailVerification(RequestEmailVerificationRequest request, ServerCallContext context)
    {
        await emailVerification.RequestAsync(SignedInUser.From(context), context.CancellationToken);
        return Done;
    }

    public override async Task<Empty> ConfirmEmailVerification(ConfirmEmailVerificationRequest request, ServerCallContext context)
    {
        await emailVerification.ConfirmAsync(request.Token, context.CancellationToken);
        return Done;
    }

    public override async Task<Empty> RequestPasswordReset(RequestPasswordResetRequest request, ServerCallContext context)
    {
        await passwords.RequestResetAsync(request, context.CancellationToken);
        return Done;
    }

    public override async Task<Empty> ConfirmPasswordReset(ConfirmPasswordResetRequest request, ServerCallContext context)
    {
        await passwords.ConfirmResetAsync(request, RequestOrigin.From(context), context.CancellationToken);
        return Done;
    }

    public override Task<ExchangeClientCredentialsResponse> ExchangeClientCredentials(ExchangeClientCredentialsRequest request, ServerCallContext context) =>
        clientCredentials.ExchangeAsync(request, RequestOrigin.From(context), context.CancellationToken);

    private static void RequireToken(string token, string field)
    {
        if (token.Length == 0)
        {
            throw RpcErrors.InvalidField(Model.AuthErrors.Domain, field, "is required.");
        }
    }
}
