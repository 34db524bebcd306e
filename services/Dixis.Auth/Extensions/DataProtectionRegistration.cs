using Dixis.Auth.PersonalData;
using Dixis.Persistence;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Options;

namespace Dixis.Auth.Extensions;

/// <summary>The auth service's Data Protection key ring, and the <see cref="PersonalDataProtector"/> that encrypts personal data with it.</summary>
public static class DataProtectionRegistration
{
    /// <summary>The Data Protection application name: values protected by one auth replica decrypt on every other.</summary>
    public const string ApplicationName = "dixis-auth";

    /// <summary>The key ring's folder under <c>Persistence:DataDirectory</c> when <c>Auth:DataProtection:KeyRingDirectory</c> is not set.</summary>
    public const string DefaultKeyRingFolder = "auth.keys";

    /// <summary>
    /// Data Protection with its keys in <c>Auth:DataProtection:KeyRingDirectory</c> (default
    /// <c>&lt;Persistence:DataDirectory&gt;/auth.keys</c>), rotated every <c>Auth:DataProtection:KeyLifetime</c>
    /// (default 90 days), and <see cref="PersonalDataProtector"/>. Safe to call more than once.
    /// </summary>
    public static IHostApplicationBuilder AddAuthDataProtection(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        if (services.Any(descriptor => descriptor.ServiceType == typeof(PersonalDataProtector)))
        {
            return builder;
        }

        services.AddOptions<KeyRingOptions>()
            .BindConfiguration(KeyRingOptions.SectionName)
            .PostConfigure<IOptions<PersistenceOptions>, IHostEnvironment>((ring, persistence, environment) =>
                ring.KeyRingDirectory = string.IsNullOrWhiteSpace(ring.KeyRingDirectory)
                    ? Path.Combine(persistence.Value.DataDirectory ?? Path.Combine(environment.ContentRootPath, ".data"), DefaultKeyRingFolder)
                    : Path.GetFullPath(ring.KeyRingDirectory, environment.ContentRootPath))
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.AddDataProtection().SetApplicationName(ApplicationName);

        // What PersistKeysToFileSystem does, but with the folder read from validated options when the key ring is
        // first used, so the default follows Persistence:DataDirectory however it was configured.
        services.AddOptions<KeyManagementOptions>().Configure<IOptions<KeyRingOptions>, ILoggerFactory>((keys, ring, loggerFactory) =>
        {
            keys.XmlRepository = new FileSystemXmlRepository(new DirectoryInfo(ring.Value.KeyRingDirectory!), loggerFactory);
            keys.NewKeyLifetime = ring.Value.KeyLifetime;
        });

        services.AddSingleton<PersonalDataProtector>();
        return builder;
    }
}
