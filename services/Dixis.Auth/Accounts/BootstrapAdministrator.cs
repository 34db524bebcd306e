using Dixis.Auth.Model;
using Dixis.Auth.Passwords;
using Dixis.Auth.Repositories;
using Dixis.ServiceDefaults.Security;
using Grpc.Core;
using Microsoft.Extensions.Options;

namespace Dixis.Auth.Accounts;

/// <summary>
/// Creates the first administrator from <c>Auth:BootstrapAdmin</c> at start when no account has that email, so a fresh
/// platform can be administered. Never logs the password; an existing account is left as it is.
/// </summary>
public sealed partial class BootstrapAdministrator(
    IOptions<BootstrapAdminOptions> options,
    IOptions<AccountOptions> accounts,
    UserRepository users,
    AccountCreation creation,
    PasswordHasher hasher,
    ILogger<BootstrapAdministrator> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!settings.IsConfigured)
        {
            return;
        }

        var email = EmailAddresses.Normalize(settings.Email);
        if (await users.FindByEmailAsync(email, cancellationToken) is not null)
        {
            return;
        }

        var hash = await hasher.HashAsync(settings.Password!, cancellationToken);
        try
        {
            var admin = await creation.CreateAsync(email, hash, "Administrator", accounts.Value.DefaultLanguage, [CallerRoles.Customer, CallerRoles.Admin], emailVerified: true, cancellationToken);
            LogCreated(logger, admin.Id);
        }
        catch (RpcException taken) when (taken.StatusCode == StatusCode.AlreadyExists)
        {
            // Another replica created it at the same moment.
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 30, Level = LogLevel.Information, Message = "Bootstrap administrator {UserId} created from Auth:BootstrapAdmin")]
    private static partial void LogCreated(ILogger logger, string userId);
}
