using System.Security.Cryptography;
using System.Text.Json;

namespace Dixis.AppHost.Hosting;

/// <summary>
/// The administrator a developer signs in as on a local platform: created by the auth service at start from
/// <c>Auth:BootstrapAdmin</c> (Development only). Its password is made once per data directory and kept in a file there
/// readable by the developer alone, so it is never in code, in the console or (masked) on the dashboard.
/// </summary>
public sealed record DevelopmentAdministrator(string Email, string Password)
{
    public const string DefaultEmail = "admin@dixis.local";

    public const string FileName = "development-admin.json";

    /// <summary>The administrator of <paramref name="dataDirectory"/>, made on first use.</summary>
    public static DevelopmentAdministrator LoadOrCreate(string dataDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataDirectory);
        var path = PathIn(dataDirectory);
        if (File.Exists(path) && JsonSerializer.Deserialize(File.ReadAllText(path), AppHostJsonContext.Default.DevelopmentAdministrator) is { Password.Length: > 0 } existing)
        {
            return existing;
        }

        var created = new DevelopmentAdministrator(DefaultEmail, Convert.ToBase64String(RandomNumberGenerator.GetBytes(18)));
        Directory.CreateDirectory(dataDirectory);
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var file = new StreamWriter(path, options))
        {
            file.Write(JsonSerializer.Serialize(created, AppHostJsonContext.Default.DevelopmentAdministrator));
        }

        return created;
    }

    public static string PathIn(string dataDirectory) => Path.Combine(Path.GetFullPath(dataDirectory), FileName);

    /// <summary>The auth service's settings that create the administrator.</summary>
    public IReadOnlyDictionary<string, string> AuthEnvironment => new Dictionary<string, string>
    {
        ["Auth__BootstrapAdmin__Email"] = Email,
        ["Auth__BootstrapAdmin__Password"] = Password,
    };
}
