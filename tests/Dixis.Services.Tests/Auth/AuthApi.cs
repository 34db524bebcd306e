using Dixis.Auth.Model;
using Dixis.Auth.Notifications;
using Dixis.Contracts.Auth.V1;
using Dixis.Services.Tests.Infrastructure;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Dixis.Services.Tests.Auth;

/// <summary>The Auth service's clients, and what tests do often: register a fresh user, call as a token's holder, read the emails sent.</summary>
public sealed class AuthApi(GrpcChannel channel, IRunningService service, string dataDirectory)
{
    public const string AdminEmail = "admin@dixis.test";
    public const string AdminPassword = "bootstrap-admin-secret-1";
    public const string Password = "correct horse battery staple";

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public AuthService.AuthServiceClient Auth { get; } = new(channel);

    public ProfileService.ProfileServiceClient Profiles { get; } = new(channel);

    public UserAdminService.UserAdminServiceClient Admin { get; } = new(channel);

    public PartnerClientService.PartnerClientServiceClient Partners { get; } = new(channel);

    public JwksService.JwksServiceClient Jwks { get; } = new(channel);

    public TokenRevocationService.TokenRevocationServiceClient Revocations { get; } = new(channel);

    public IRunningService Service => service;

    public static string UniqueEmail(string prefix = "user") => $"{prefix}-{Guid.NewGuid():N}@example.test";

    public static Metadata Bearer(string accessToken) => [new Metadata.Entry("authorization", "Bearer " + accessToken)];

    public async Task<RegisterResponse> RegisterAsync(string? email = null, string displayName = "Μαρία Παπαδοπούλου") =>
        await Auth.RegisterAsync(new RegisterRequest { Email = email ?? UniqueEmail(), Password = Password, DisplayName = displayName }, cancellationToken: Cancellation);

    public async Task<Metadata> AdminAsync() =>
        Bearer((await Auth.LoginAsync(new LoginRequest { Email = AdminEmail, Password = AdminPassword }, cancellationToken: Cancellation)).Tokens.AccessToken);

    /// <summary>The emails sent to <paramref name="userId"/>, oldest first, read from the outbox of the service's store (SQLite).</summary>
    public async Task<IReadOnlyList<EmailNotification>> EmailsToAsync(string userId, OneTimeTokenPurpose purpose)
    {
        var codec = service.Services.GetRequiredService<EmailNotificationCodec>();
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(dataDirectory, "auth.db")};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync(Cancellation);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT payload FROM _outbox WHERE type = $type ORDER BY enqueued_at, id";
        command.Parameters.AddWithValue("$type", EmailNotificationCodec.MessageType);
        var emails = new List<EmailNotification>();
        await using var reader = await command.ExecuteReaderAsync(Cancellation);
        while (await reader.ReadAsync(Cancellation))
        {
            var notification = codec.Decode((byte[])reader[0]);
            if (notification.UserId == userId && notification.Purpose == purpose)
            {
                emails.Add(notification);
            }
        }

        return emails;
    }
}
