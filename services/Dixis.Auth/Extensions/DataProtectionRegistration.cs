using Dixis.Persistence;
using Microsoft.AspNetCore.DataProtection;

namespace Dixis.Auth.Extensions;

/// <summary>
/// ASP.NET Core Data Protection for the Auth service's secrets at rest (signing keys, personal data, pending
/// notifications): the key ring lives outside the database (<c>Auth:DataProtection:KeyRingDirectory</c>, default
/// <c>&lt;Persistence:DataDirectory&gt;/auth.keys</c>), so a copied database alone reveals none of them.
/// </summary>
public static class DataProtectionRegistration
{
    public const string SectionName = "Auth:DataProtection";

    public static IHostApplicationBuilder AddAuthDataProtection(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var configured = builder.Configuration[$"{SectionName}:KeyRingDirectory"];
        var directory = string.IsNullOrWhiteSpace(configured)
            ? Path.Combine(DataDirectory(builder), "auth.keys")
            : Path.GetFullPath(configured, builder.Environment.ContentRootPath);
        builder.Services.AddDataProtection()
            .SetApplicationName("dixis-auth")
            .PersistKeysToFileSystem(new DirectoryInfo(directory));
        return builder;
    }

    // The same default as the document store's (DocumentStoreHostingExtensions), read before the options exist.
    private static string DataDirectory(IHostApplicationBuilder builder)
    {
        var configured = builder.Configuration[$"{PersistenceOptions.SectionName}:{nameof(PersistenceOptions.DataDirectory)}"];
        return string.IsNullOrWhiteSpace(configured)
            ? Path.Combine(builder.Environment.ContentRootPath, ".data")
            : Path.GetFullPath(configured, builder.Environment.ContentRootPath);
    }
}

