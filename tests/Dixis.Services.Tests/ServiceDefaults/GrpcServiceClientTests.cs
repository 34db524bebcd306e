using Dixis.Catalog.Grpc;
using Dixis.Contracts.Catalog.V1;
using Dixis.ServiceDefaults.Grpc;
using Dixis.Services.Tests.Infrastructure;
using Dixis.Testing;
using Grpc.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Dixis.Services.Tests.ServiceDefaults;

/// <summary><c>AddGrpcServiceClient</c>: discovery from <c>services__&lt;name&gt;__grpc__0</c>, retries only where the contract allows.</summary>
public sealed class GrpcServiceClientTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Client_finds_the_catalog_through_service_discovery_and_calls_it()
    {
        var grpcPort = FreePort.Next();
        await using var catalog = new InProcessService<CategoryGrpcService>("catalog", new ServiceSettings
        {
            Values =
            {
                ["Kestrel:Endpoints:http:Url"] = $"http://127.0.0.1:{FreePort.Next()}",
                ["Kestrel:Endpoints:grpc:Url"] = $"http://127.0.0.1:{grpcPort}",
            },
        });
        catalog.UseKestrel(_ => { });
        catalog.StartServer();

        // The variable exactly as the AppHost sets it, under a prefix no other test shares.
        var prefix = $"DIXIS_TEST_{Guid.NewGuid():N}_";
        Environment.SetEnvironmentVariable(prefix + "services__catalog__grpc__0", $"http://127.0.0.1:{grpcPort}");
        try
        {
            var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, EnvironmentName = "Development" });
            builder.Configuration.AddEnvironmentVariables(prefix);
            builder.AddServiceDefaults();
            builder.AddGrpcServiceClient<CategoryService.CategoryServiceClient>("catalog");
            using var host = builder.Build();

            var tree = await host.Services.GetRequiredService<CategoryService.CategoryServiceClient>()
                .GetCategoryTreeAsync(new GetCategoryTreeRequest { LanguageCode = "en" }, cancellationToken: Cancellation);

            Assert.Contains(tree.Roots, root => root.Category.Name.Values["en"] == "Olive oil");
        }
        finally
        {
            Environment.SetEnvironmentVariable(prefix + "services__catalog__grpc__0", null);
        }
    }

    [Fact]
    public async Task Unresolvable_service_fails_the_call_instead_of_hanging()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, EnvironmentName = "Development" });
        builder.AddServiceDefaults();
        builder.AddGrpcServiceClient<CategoryService.CategoryServiceClient>("catalog");
        using var host = builder.Build();

        var client = host.Services.GetRequiredService<CategoryService.CategoryServiceClient>();

        await Assert.ThrowsAnyAsync<Exception>(() => client.GetCategoryTreeAsync(new GetCategoryTreeRequest(), cancellationToken: Cancellation).ResponseAsync);
    }

    [Fact]
    public void Retry_policy_covers_exactly_the_methods_the_contract_declares_idempotent()
    {
        var config = IdempotentRetryPolicy.CreateServiceConfig(CategoryService.Descriptor, new GrpcClientDefaultsOptions());

        Assert.NotNull(config);
        var methodConfig = Assert.Single(config.MethodConfigs);
        var retried = methodConfig.Names.Select(name => name.Method).Order().ToArray();
        Assert.Equal(["DeleteCategory", "GetCategory", "GetCategoryTree", "MoveCategory", "ReorderCategories"], retried);
        Assert.All(methodConfig.Names, name => Assert.Equal("dixis.catalog.v1.CategoryService", name.Service));
        Assert.NotNull(methodConfig.RetryPolicy);
        Assert.Equal([StatusCode.Unavailable], methodConfig.RetryPolicy.RetryableStatusCodes);
    }

    [Theory]
    [InlineData("Catalog")]
    [InlineData("catalog service")]
    [InlineData("_grpc.catalog")]
    [InlineData("")]
    public void Invalid_service_name_is_rejected(string serviceName)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });

        var error = Assert.ThrowsAny<ArgumentException>(() => builder.AddGrpcServiceClient<CategoryService.CategoryServiceClient>(serviceName));

        Assert.Equal("serviceName", error.ParamName);
    }

    [Fact]
    public void Client_type_that_is_not_generated_by_grpc_tools_is_rejected()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });

        var error = Assert.Throws<ArgumentException>(() => builder.AddGrpcServiceClient<HttpClient>("catalog"));

        Assert.Contains("Grpc.Tools", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Grpc:Client:DefaultDeadline", "00:00:00")]
    [InlineData("Grpc:Client:MaxAttempts", "9")]
    [InlineData("Grpc:Client:InitialBackoff", "00:00:05")]
    public async Task Out_of_range_client_options_fail_start(string key, string value)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, EnvironmentName = "Development" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { [key] = value });
        builder.AddServiceDefaults();
        builder.AddGrpcServiceClient<CategoryService.CategoryServiceClient>("catalog");
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<Microsoft.Extensions.Options.OptionsValidationException>(() => host.StartAsync(Cancellation));

        Assert.Contains(key.Split(':')[^1], error.Message, StringComparison.Ordinal);
    }
}
