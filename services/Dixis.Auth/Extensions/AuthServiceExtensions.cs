using Dixis.Auth.Accounts;
using Dixis.Auth.Administration;
using Dixis.Auth.Audit;
using Dixis.Auth.Model;
using Dixis.Auth.Notifications;
using Dixis.Auth.Partners;
using Dixis.Auth.Passwords;
using Dixis.Auth.Profiles;
using Dixis.Auth.Repositories;
using Dixis.Auth.Revocations;
using Dixis.Auth.Sessions;
using Dixis.Auth.SigningKeys;
using Dixis.Auth.Tokens;
using Dixis.Persistence.Definitions;
using Dixis.Persistence.Hosting;
using Dixis.ServiceDefaults.Security.Tokens;

namespace Dixis.Auth.Extensions;

/// <summary>Everything the auth service needs besides the shared service defaults.</summary>
public static class AuthServiceExtensions
{
    public const string ServiceName = "auth";

    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        AddOptions<AccountOptions>(builder, AccountOptions.SectionName);
        AddOptions<PasswordOptions>(builder, PasswordOptions.SectionName);
        AddOptions<LockoutOptions>(builder, LockoutOptions.SectionName);
        AddOptions<TokenOptions>(builder, TokenOptions.SectionName);
        AddOptions<SigningKeyOptions>(builder, SigningKeyOptions.SectionName);
        AddOptions<BootstrapAdminOptions>(builder, BootstrapAdminOptions.SectionName);

        builder.AddAuthDataProtection();
        builder.AddDocumentStore(ServiceName, DeclareCollections);

        var services = builder.Services;

        // The Auth service validates its own access tokens from its key ring and revocation list, without calling
        // itself; registered before AddCallerIdentity, whose defaults (JWKS and revocation feed clients) only TryAdd.
        services.AddSingleton<SigningKeyRing>();
        services.AddSingleton<IAccessTokenKeys>(sp => sp.GetRequiredService<SigningKeyRing>());
        services.AddSingleton<Revocations.TokenRevocationList>();
        services.AddSingleton<ITokenRevocations>(sp => sp.GetRequiredService<Revocations.TokenRevocationList>());
        builder.AddCallerIdentity();

        services.AddSingleton<SecurityEventLog>();
        services.AddSingleton<CommonPasswords>();
        services.AddSingleton<PasswordPolicy>();
        services.AddSingleton<PasswordHashingGate>();
        services.AddSingleton<PasswordHasher>();
        services.AddSingleton<AccessTokenIssuer>();
        services.AddSingleton<UserRepository>();
        services.AddSingleton<AccountCreation>();
        services.AddSingleton<SessionTokens>();
        services.AddSingleton<EmailNotificationCodec>();
        services.AddSingleton<OneTimeTokens>();
        services.AddSingleton<AccountRegistration>();
        services.AddSingleton<SignIn>();
        services.AddSingleton<PasswordChanges>();
        services.AddSingleton<EmailVerification>();
        services.AddSingleton<ProfileEditor>();
        services.AddSingleton<UserAdministration>();
        services.AddSingleton<SecurityEventQueries>();
        services.AddSingleton<PartnerClientAdministration>();
        services.AddSingleton<ClientCredentialsExchange>();
        services.AddOutboxHandler<EmailNotificationDelivery>();

        // Hosted services start in this order, after the store's initializer: keys and revocations are loaded
        // before the first call is answered.
        services.AddHostedService<SigningKeyRotation>();
        services.AddHostedService<TokenRevocationRefresh>();
        services.AddHostedService<BootstrapAdministrator>();

        builder.AddAddressBook();
        return builder;
    }

    private static void DeclareCollections(DocumentStoreBuilder store) => store
        .Collection<UserRecord>(AuthCollections.Users, users => users
            .UniqueIndex("email")
            .Index("createTimeMs")
            .Index("state", "createTimeMs")
            .Index("producerId", "createTimeMs")
            .Json(AuthJsonContext.Default.UserRecord))
        .Collection<SessionRecord>(AuthCollections.Sessions, sessions => sessions
            .Index("userId", "revoked")
            .ShardKey("userId")
            .Json(AuthJsonContext.Default.SessionRecord))
        .Collection<RefreshTokenRecord>(AuthCollections.RefreshTokens, tokens => tokens
            .Index("expireTimeMs")
            .Json(AuthJsonContext.Default.RefreshTokenRecord))
        .Collection<OneTimeTokenRecord>(AuthCollections.OneTimeTokens, tokens => tokens
            .Index("expireTimeMs")
            .Json(AuthJsonContext.Default.OneTimeTokenRecord))
        .Collection<SigningKeyRecord>(AuthCollections.SigningKeys, keys => keys
            .Index("generation")
            .Json(AuthJsonContext.Default.SigningKeyRecord))
        .Collection<TokenRevocationRecord>(AuthCollections.TokenRevocations, revocations => revocations
            .Index("revokeTimeMs")
            .Json(AuthJsonContext.Default.TokenRevocationRecord))
        .Collection<SecurityEventRecord>(AuthCollections.SecurityEvents, events => events
            .Index("eventTimeMs")
            .Index("userId", "eventTimeMs")
            .Index("kind", "eventTimeMs")
            .Json(AuthJsonContext.Default.SecurityEventRecord))
        .Collection<PartnerClientRecord>(AuthCollections.PartnerClients, clients => clients
            .Index("createTimeMs")
            .Index("state", "createTimeMs")
            .Json(AuthJsonContext.Default.PartnerClientRecord))
        .DeclareAddressBook();

    private static void AddOptions<TOptions>(IHostApplicationBuilder builder, string section)
        where TOptions : class =>
        builder.Services.AddOptions<TOptions>().BindConfiguration(section).ValidateDataAnnotations().ValidateOnStart();
}
