using System.Reflection;
using System.Runtime.Versioning;

namespace Dixis.AppHost.Hosting;

/// <summary>
/// Where things are in the repository: its root (the folder holding <c>Dixis.sln</c>) and the built output
/// of each project (<c>&lt;project&gt;/bin/&lt;Configuration&gt;/&lt;tfm&gt;/&lt;Name&gt;.dll</c>).
/// </summary>
public sealed class RepositoryLayout
{
    /// <summary>The file that marks the repository's root.</summary>
    public const string SolutionFileName = "Dixis.sln";

    private RepositoryLayout(string root) => Root = root;

    /// <summary>The repository's root folder (absolute).</summary>
    public string Root { get; }

    /// <summary>The build configuration the AppHost itself was built in (Debug, Release), so that projects run from the same build.</summary>
    public static string BuildConfiguration =>
        typeof(RepositoryLayout).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration is { Length: > 0 } configuration
            ? configuration
            : "Debug";

    /// <summary>The target framework folder name of the AppHost's build, e.g. <c>net10.0</c>.</summary>
    public static string TargetFramework
    {
        get
        {
            var name = typeof(RepositoryLayout).Assembly.GetCustomAttribute<TargetFrameworkAttribute>()?.FrameworkName;
            var version = name is null ? Environment.Version : new FrameworkName(name).Version;
            return $"net{version.Major}.{version.Minor}";
        }
    }

    /// <summary>Walks up from the AppHost assembly's folder to the folder holding <c>Dixis.sln</c>.</summary>
    /// <exception cref="DirectoryNotFoundException">The AppHost does not run from inside a Dixis repository.</exception>
    public static RepositoryLayout Locate()
    {
        var start = Path.GetDirectoryName(typeof(RepositoryLayout).Assembly.Location) ?? AppContext.BaseDirectory;
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, SolutionFileName)))
            {
                return new RepositoryLayout(directory.FullName);
            }
        }

        throw new DirectoryNotFoundException($"No {SolutionFileName} found above '{start}': the AppHost runs the projects of a Dixis repository and must be built inside one.");
    }

    /// <summary>The absolute folder of a project given relative to the root, e.g. <c>services/Dixis.Catalog</c>.</summary>
    public string ProjectDirectory(string relativeProjectDirectory) =>
        Path.GetFullPath(Path.Combine(Root, relativeProjectDirectory));

    /// <summary>The built assembly of a project, e.g. <c>services/Dixis.Catalog/bin/Debug/net10.0/Dixis.Catalog.dll</c>.</summary>
    public string ProjectAssembly(string relativeProjectDirectory, string configuration)
    {
        var directory = ProjectDirectory(relativeProjectDirectory);
        var name = Path.GetFileName(Path.TrimEndingDirectorySeparator(directory));
        return Path.Combine(directory, "bin", configuration, TargetFramework, name + ".dll");
    }

    /// <summary>The AppHost's own built assembly (to run it as a separate process, as a developer would).</summary>
    public string AppHostAssembly(string configuration) => ProjectAssembly("Dixis.AppHost", configuration);

    /// <summary>The default data directory: <c>&lt;root&gt;/.data</c> (git-ignored).</summary>
    public string DefaultDataDirectory => Path.Combine(Root, ".data");
}
