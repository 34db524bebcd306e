using Dixis.AppHost.Orchestration;
using Dixis.AppHost.Tests.Fixtures;

namespace Dixis.AppHost.Tests.Platform;

[Collection(PlatformCollection.Name)]
public sealed class StartupTests(PlatformFixture fixture)
{
    private static readonly string[] Projects = ["auth", "catalog", "orders", "shipping", "gateway"];

    [Fact]
    public void Every_project_runs_healthy_on_its_own_free_ports()
    {
        TestContext.Current.TestOutputHelper?.WriteLine($"Platform healthy {fixture.StartupTime.TotalSeconds:0.0} s after start (target: < 30 s after build).");

        var resources = fixture.Platform.Resources;
        foreach (var project in Projects)
        {
            var resource = Assert.Single(resources, r => r.Name == project);
            Assert.Equal(ResourceState.Running, resource.State);
            Assert.Equal(ResourceHealth.Healthy, resource.Health);
            Assert.NotNull(resource.ProcessId);
        }

        var ports = resources.SelectMany(r => r.Endpoints).Select(e => e.Port).ToList();
        Assert.Equal(ports.Count, ports.Distinct().Count());
        Assert.DoesNotContain(8080, ports);
        Assert.All(resources.Where(r => r.State != ResourceState.Skipped), r => Assert.True(r.IsReady, $"{r.Name} is {r.State}/{r.Health}"));
    }

    [Fact]
    public void Engines_run_when_installed_and_are_skipped_with_a_reason_otherwise()
    {
        foreach (var (name, executable) in new[] { ("cache", "redis-server"), ("mongo", "mongod") })
        {
            var resource = fixture.Platform.Resource(name);
            if (ExecutableLocator.Find(executable) is null)
            {
                Assert.Equal(ResourceState.Skipped, resource.State);
                Assert.Contains($"{executable} is not on the PATH", resource.Detail, StringComparison.Ordinal);
                Assert.Null(fixture.Platform.ConnectionString(name));
            }
            else
            {
                Assert.True(resource.IsReady, $"{name} is {resource.State}/{resource.Health}: {resource.HealthDescription}");
            }
        }
    }

    [Fact]
    public void Services_get_the_aspire_conventions_for_what_they_reference()
    {
        var orders = fixture.Platform.Resource("orders").Environment;
        Assert.Equal(fixture.Platform.Endpoint("catalog", "grpc").ToString().TrimEnd('/'), orders["services__catalog__grpc__0"]);
        Assert.Equal(fixture.Platform.Endpoint("catalog", "http").ToString().TrimEnd('/'), orders["services__catalog__http__0"]);
        Assert.Contains("services__shipping__grpc__0", orders.Keys);
        Assert.Contains("services__auth__grpc__0", orders.Keys);
        Assert.Equal("orders", orders["OTEL_SERVICE_NAME"]);
        Assert.StartsWith("service.instance.id=orders-", orders["OTEL_RESOURCE_ATTRIBUTES"], StringComparison.Ordinal);
        Assert.Equal(fixture.DataDirectory, orders["Persistence__DataDirectory"]);
        Assert.Equal(Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture), orders["DIXIS_APPHOST_PID"]);
        Assert.Equal("Development", orders["ASPNETCORE_ENVIRONMENT"]);
        Assert.Equal("Http2", orders["Kestrel__Endpoints__grpc__Protocols"]);
        Assert.Equal("Http1", orders["Kestrel__Endpoints__http__Protocols"]);

        var auth = fixture.Platform.Resource("auth").Environment;
        Assert.DoesNotContain(auth.Keys, k => k.StartsWith("services__", StringComparison.Ordinal));
        Assert.Equal(fixture.Platform.ConnectionString("cache") is { } cache ? cache : null, auth.GetValueOrDefault("ConnectionStrings__cache"));

        var instanceIds = new[] { "auth", "catalog", "orders", "shipping", "gateway" }
            .Select(n => fixture.Platform.Resource(n).Environment["OTEL_RESOURCE_ATTRIBUTES"]).ToList();
        Assert.Equal(instanceIds.Count, instanceIds.Distinct().Count());
    }

    [Fact]
    public void Asking_for_an_unknown_resource_or_endpoint_names_what_exists()
    {
        var noResource = Assert.Throws<KeyNotFoundException>(() => fixture.Platform.Endpoint("billing", "grpc"));
        Assert.Contains("No resource named 'billing'", noResource.Message, StringComparison.Ordinal);
        Assert.Contains("catalog", noResource.Message, StringComparison.Ordinal);

        var noEndpoint = Assert.Throws<KeyNotFoundException>(() => fixture.Platform.Endpoint("catalog", "https"));
        Assert.Contains("has no endpoint 'https'", noEndpoint.Message, StringComparison.Ordinal);
        Assert.Contains("grpc", noEndpoint.Message, StringComparison.Ordinal);
    }
}
