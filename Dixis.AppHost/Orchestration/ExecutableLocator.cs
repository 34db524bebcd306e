namespace Dixis.AppHost.Orchestration;

/// <summary>Finds executables on the PATH (redis-server, mongod, setpriv, dotnet), the way a shell would.</summary>
internal static class ExecutableLocator
{
    /// <summary>The full path of <paramref name="name"/> on the PATH, or null when it is not installed.</summary>
    public static string? Find(string name)
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        foreach (var directory in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(directory, OperatingSystem.IsWindows() ? name + ".exe" : name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>
    /// The <c>dotnet</c> host that runs the projects: the one that runs this process when the SDK says so
    /// (<c>DOTNET_HOST_PATH</c>), else the one this process runs on, else the one on the PATH.
    /// </summary>
    public static string FindDotnetHost()
    {
        var fromSdk = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(fromSdk) && File.Exists(fromSdk))
        {
            return fromSdk;
        }

        var current = Environment.ProcessPath;
        if (current is not null && Path.GetFileNameWithoutExtension(current).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
        {
            return current;
        }

        return Find("dotnet")
            ?? throw new InvalidOperationException("The 'dotnet' host was not found: set DOTNET_HOST_PATH or put dotnet on the PATH.");
    }
}
