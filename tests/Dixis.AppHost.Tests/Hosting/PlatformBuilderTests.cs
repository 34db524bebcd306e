using Dixis.AppHost.Hosting;
using Dixis.AppHost.Model;
using Microsoft.Extensions.Options;

namespace Dixis.AppHost.Tests.Hosting;

public sealed class PlatformBuilderTests
{
    [Fact]
    public void Invalid_options_are_rejected_at_start_naming_each_problem()
    {
        var options = new PlatformOptions { DashboardPort = 70000, EnvironmentName = " ", LogCapacity = 1, StopGracePeriod = TimeSpan.Zero };

        var error = Assert.Throws<OptionsValidationException>(() => PlatformBuilder.Create(options));

        Assert.Contains("DashboardPort must be between 0 (a free port) and 65535, not 70000.", error.Failures);
        Assert.Contains("EnvironmentName must not be empty (e.g. Development).", error.Failures);
        Assert.Contains("LogCapacity must be between 10 and 1000000 lines, not 1.", error.Failures);
        Assert.Contains("StopGracePeriod must be positive, not 00:00:00.", error.Failures);
    }

    [Theory]
    [InlineData("Catalog")]
    [InlineData("my service")]
    [InlineData("9lives")]
    [InlineData("cat__alog")]
    public void Resource_names_that_cannot_become_variable_and_dns_names_are_rejected(string name)
    {
        var builder = PlatformBuilder.Create(new PlatformOptions { Embedded = true });

        var error = Assert.Throws<ArgumentException>(() => builder.AddRedis(name));

        Assert.Contains($"Resource name '{name}' is invalid", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_name_can_be_declared_once_and_a_project_cannot_reference_itself()
    {
        var builder = PlatformBuilder.Create(new PlatformOptions { Embedded = true });
        var catalog = builder.AddProject("catalog", "services/Dixis.Catalog");

        Assert.Equal("A resource named 'catalog' is already declared.", Assert.Throws<InvalidOperationException>(() => builder.AddProject("catalog", "services/Dixis.Catalog")).Message);
        Assert.Equal("'catalog' cannot reference itself.", Assert.Throws<InvalidOperationException>(() => catalog.WithReference(catalog)).Message);
        var cache = builder.AddRedis("cache");
        Assert.Equal("'cache' is a redis resource; only projects take references.", Assert.Throws<InvalidOperationException>(() => cache.WithReference(catalog)).Message);
    }

    [Fact]
    public void Embedded_mode_skips_the_engines_and_references_to_them_add_nothing()
    {
        var builder = PlatformBuilder.Create(new PlatformOptions { Embedded = true, DataDirectory = Path.GetTempPath() });
        var cache = builder.AddRedis("cache");
        var mongo = builder.AddMongoDB("mongo");
        builder.AddProject("catalog", "services/Dixis.Catalog").WithReference(cache, mongo);

        Assert.Equal("embedded mode (--embedded): services cache in memory", cache.Resource.SkipReason);
        Assert.Equal("embedded mode (--embedded): services store data in SQLite", mongo.Resource.SkipReason);
        Assert.Empty(cache.Resource.Endpoints);
    }

    [Fact]
    public void Additional_environment_for_an_unknown_resource_is_rejected()
    {
        var options = new PlatformOptions { Embedded = true };
        options.AdditionalEnvironment["billing"] = new() { ["X"] = "1" };
        var builder = PlatformBuilder.Create(options);
        builder.AddProject("catalog", "services/Dixis.Catalog");

        var error = Assert.Throws<InvalidOperationException>(builder.Build);

        Assert.Equal("AdditionalEnvironment names unknown resources: billing. Known: catalog.", error.Message);
    }

    [Fact]
    public void A_project_that_is_not_built_is_reported_with_the_command_that_builds_it()
    {
        var builder = PlatformBuilder.Create(new PlatformOptions { Embedded = true, Configuration = "NoSuchConfiguration" });
        builder.AddProject("catalog", "services/Dixis.Catalog");

        var error = Assert.Throws<InvalidOperationException>(builder.Build);

        Assert.Contains("Not built (NoSuchConfiguration)", error.Message, StringComparison.Ordinal);
        Assert.Contains(Path.Combine("services", "Dixis.Catalog", "bin", "NoSuchConfiguration"), error.Message, StringComparison.Ordinal);
        Assert.Contains("dotnet build Dixis.AppHost -c NoSuchConfiguration", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Projects_run_from_the_build_output_of_the_apphosts_configuration()
    {
        var builder = PlatformBuilder.Create(new PlatformOptions { Embedded = true });

        var catalog = builder.AddProject("catalog", "services/Dixis.Catalog").Resource;

        Assert.Equal(Path.Combine(builder.Repository.Root, "services", "Dixis.Catalog"), catalog.ProjectDirectory);
        Assert.Equal(Path.Combine(catalog.ProjectDirectory, "bin", RepositoryLayout.BuildConfiguration, "net10.0", "Dixis.Catalog.dll"), catalog.AssemblyPath);
        Assert.True(File.Exists(Path.Combine(builder.Repository.Root, RepositoryLayout.SolutionFileName)));
        Assert.IsType<ProjectResource>(catalog);
    }
}
