using Dixis.Bench.Echo.V1;
using Dixis.Contracts.Catalog.V1;

namespace Dixis.Bench.Scenarios;

/// <summary>
/// Every scenario <c>bench/run</c> knows. Adding one is adding one entry here: a name, a target,
/// a method (or route) and the request it replays.
/// </summary>
public static class ScenarioCatalog
{
    /// <summary>The ceiling every other scenario is compared with; measured in every run.</summary>
    public static Scenario Echo { get; } = Scenario.Grpc(
        "echo",
        "trivial gRPC echo server only: the machine's ceiling",
        ScenarioTarget.EchoServer,
        EchoReflection.Descriptor.FindTypeByName<Google.Protobuf.Reflection.ServiceDescriptor>("EchoService").FindMethodByName("Echo"),
        new EchoRequest { Message = "ping" });

    public static IReadOnlyList<Scenario> All { get; } =
    [
        Echo,
        Scenario.Grpc(
            "gateway.category-tree",
            "GetCategoryTree as native gRPC through the gateway to Catalog (all languages)",
            ScenarioTarget.Platform,
            CategoryService.Descriptor.FindMethodByName(nameof(CategoryService.CategoryServiceClient.GetCategoryTree)),
            new GetCategoryTreeRequest()),
        Scenario.Grpc(
            "catalog.category-tree",
            "GetCategoryTree as native gRPC straight to Catalog, no gateway: splits the gateway figure into its parts",
            ScenarioTarget.Platform,
            CategoryService.Descriptor.FindMethodByName(nameof(CategoryService.CategoryServiceClient.GetCategoryTree)),
            new GetCategoryTreeRequest()) with { Resource = "catalog" },
        Scenario.JsonGet(
            "gateway.category-tree.json",
            "GET /v1/categories:tree as JSON through the gateway to Catalog (all languages)",
            "/v1/categories:tree"),
    ];

    public static void WriteList(TextWriter writer)
    {
        var width = All.Max(s => s.Name.Length);
        foreach (var scenario in All)
        {
            writer.WriteLine($"{scenario.Name.PadRight(width)}  {scenario.Protocol.ToString().ToLowerInvariant(),-4}  {scenario.Description}");
        }
    }
}
