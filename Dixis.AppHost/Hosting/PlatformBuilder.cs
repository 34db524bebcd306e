using System.Text.RegularExpressions;
using Dixis.AppHost.Model;
using Dixis.AppHost.Orchestration;
using Microsoft.Extensions.Options;

namespace Dixis.AppHost.Hosting;

/// <summary>
/// Declares the platform as a diagram: engines, projects and who references whom. <see cref="Build"/>
/// fixes ports and environment and returns the runnable <see cref="DixisPlatform"/>.
/// </summary>
public sealed partial class PlatformBuilder
{
    private readonly List<Resource> _resources = [];
    private readonly string _configuration;

    private PlatformBuilder(PlatformOptions options, RepositoryLayout repository)
    {
        Options = options;
        Repository = repository;
        _configuration = options.Configuration ?? RepositoryLayout.BuildConfiguration;
    }

    /// <summary>The options the platform runs with.</summary>
    public PlatformOptions Options { get; }

    /// <summary>The repository whose projects are run.</summary>
    public RepositoryLayout Repository { get; }

    /// <summary>The resources declared so far, in declaration order.</summary>
    public IReadOnlyList<Resource> Resources => _resources;

    /// <summary>A builder for an interactive run configured by the command line.</summary>
    /// <exception cref="CommandLineException">The command line is wrong.</exception>
    public static PlatformBuilder Create(string[] args) => Create(AppHostCommandLine.Parse(args));

    /// <summary>A builder for the given options (tests, benchmark).</summary>
    /// <exception cref="OptionsValidationException">The options are invalid; the message names each problem.</exception>
    public static PlatformBuilder Create(PlatformOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var validation = new PlatformOptionsValidator().Validate(Microsoft.Extensions.Options.Options.DefaultName, options);
        if (validation.Failed)
        {
            throw new OptionsValidationException(Microsoft.Extensions.Options.Options.DefaultName, typeof(PlatformOptions), validation.Failures);
        }

        return new PlatformBuilder(options, RepositoryLayout.Locate());
    }

    /// <summary>Redis from the PATH, unless <see cref="PlatformOptions.Embedded"/> or not installed (then skipped: services cache in memory).</summary>
    public ResourceBuilder<RedisResource> AddRedis(string name)
    {
        var executable = ExecutableLocator.Find("redis-server");
        var redis = new RedisResource(ValidName(name), executable ?? "redis-server")
        {
            SkipReason = SkipReason(executable, "redis-server", "services cache in memory"),
        };
        return Add(redis);
    }

    /// <summary>MongoDB (one-node replica set) from the PATH, unless embedded or not installed (then skipped: services use SQLite).</summary>
    public ResourceBuilder<MongoDBResource> AddMongoDB(string name)
    {
        var executable = ExecutableLocator.Find("mongod");
        var mongo = new MongoDBResource(ValidName(name), executable ?? "mongod", Path.Combine(DataDirectory, name))
        {
            SkipReason = SkipReason(executable, "mongod", "services store data in SQLite"),
        };
        return Add(mongo);
    }

    /// <summary>A project of this repository, e.g. <c>AddProject("catalog", "services/Dixis.Catalog")</c>, run from its built output.</summary>
    public ResourceBuilder<ProjectResource> AddProject(string name, string projectDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(projectDirectory);
        var project = new ProjectResource(
            ValidName(name),
            Repository.ProjectDirectory(projectDirectory),
            Repository.ProjectAssembly(projectDirectory, _configuration),
            ExecutableLocator.FindDotnetHost());
        return Add(project);
    }

    /// <summary>Fixes every port and variable and returns the platform, not yet started.</summary>
    /// <exception cref="InvalidOperationException">A project is not built, or additional variables name an unknown resource.</exception>
    public DixisPlatform Build()
    {
        var unknown = Options.AdditionalEnvironment.Keys.Where(k => !_resources.Exists(r => r.Name == k)).ToList();
        if (unknown.Count > 0)
        {
            throw new InvalidOperationException($"AdditionalEnvironment names unknown resources: {string.Join(", ", unknown)}. Known: {string.Join(", ", _resources.Select(r => r.Name))}.");
        }

        var notBuilt = _resources.OfType<ProjectResource>().Where(p => !File.Exists(p.AssemblyPath)).ToList();
        if (notBuilt.Count > 0)
        {
            throw new InvalidOperationException(
                $"Not built ({_configuration}): {string.Join(", ", notBuilt.Select(p => p.AssemblyPath))}. Build the AppHost first: dotnet build Dixis.AppHost -c {_configuration}.");
        }

        AllocateEndpoints();
        Directory.CreateDirectory(DataDirectory);
        foreach (var project in _resources.OfType<ProjectResource>())
        {
            ConventionalEnvironment.Apply(project, Options, DataDirectory, Environment.ProcessId);
        }

        foreach (var (resourceName, variables) in Options.AdditionalEnvironment)
        {
            var resource = _resources.Find(r => r.Name == resourceName)!;
            foreach (var (key, value) in variables)
            {
                resource.SetEnvironment(key, value);
            }
        }

        return new DixisPlatform(_resources, Options);
    }

    /// <summary>Where the platform keeps its data (databases, key rings, the development administrator).</summary>
    public string DataDirectory => Path.GetFullPath(Options.DataDirectory ?? Repository.DefaultDataDirectory);

    private void AllocateEndpoints()
    {
        var ports = new PortAllocator();
        foreach (var resource in _resources.Where(r => r.IsEnabled))
        {
            var preferred = resource is ProjectResource project && Options.UseWellKnownPorts ? project.PreferredPorts : [];
            foreach (var (endpointName, scheme, protocols) in resource.DeclareEndpoints())
            {
                var port = preferred.TryGetValue(endpointName, out var wished) ? ports.AllocatePreferring(wished) : ports.Allocate();
                resource.AddEndpoint(new ResourceEndpoint(endpointName, scheme, port, protocols));
            }
        }
    }

    private string? SkipReason(string? executable, string executableName, string fallback) =>
        Options.Embedded ? $"embedded mode (--embedded): {fallback}"
        : executable is null ? $"{executableName} is not on the PATH: {fallback}"
        : null;

    private ResourceBuilder<TResource> Add<TResource>(TResource resource)
        where TResource : Resource
    {
        if (_resources.Exists(r => r.Name == resource.Name))
        {
            throw new InvalidOperationException($"A resource named '{resource.Name}' is already declared.");
        }

        _resources.Add(resource);
        return new ResourceBuilder<TResource>(resource);
    }

    private static string ValidName(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return ResourceName().IsMatch(name)
            ? name
            : throw new ArgumentException($"Resource name '{name}' is invalid: use lowercase letters, digits and '-', starting with a letter (it becomes part of variable names and DNS names).", nameof(name));
    }

    [GeneratedRegex("^[a-z][a-z0-9-]{0,62}$", RegexOptions.CultureInvariant)]
    private static partial Regex ResourceName();
}
