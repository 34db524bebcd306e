using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace Dixis.Bench.Scenarios;

/// <summary>
/// One named load: where it goes, how, and the exact bytes of every request.
/// Requests are fixed so that the load tools can replay them without any per-request work of ours; a request that
/// needs data of the running platform (a product id) is built once, after the platform is up, by <see cref="BindTo"/>.
/// </summary>
/// <param name="Name">What <c>bench/run</c> is given, e.g. <c>gateway.category-tree</c>.</param>
/// <param name="Description">One line for <c>bench/run --list</c>.</param>
/// <param name="Target">The server under load.</param>
/// <param name="Protocol">gRPC (h2load) or JSON (wrk).</param>
/// <param name="Method">The HTTP method (gRPC is always POST).</param>
/// <param name="Path">The request path: <c>/package.Service/Method</c> for gRPC, the REST route for JSON.</param>
/// <param name="Body">gRPC: the length-prefixed message; JSON: the request body, empty for a GET.</param>
public sealed record Scenario(
    string Name,
    string Description,
    ScenarioTarget Target,
    ScenarioProtocol Protocol,
    string Method,
    string Path,
    ReadOnlyMemory<byte> Body)
{
    /// <summary>The platform resource whose endpoint gets the load (<c>grpc</c> for gRPC, <c>http</c> for JSON).</summary>
    public string Resource { get; init; } = "gateway";

    /// <summary>Extra request headers, e.g. <c>authorization</c> for signed-in scenarios.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    /// <summary>What the scenario measures: a load (the default) or a one-off operation such as an index rebuild.</summary>
    public ScenarioKind Kind { get; init; } = ScenarioKind.Load;

    /// <summary>For gRPC: builds the request message from the loaded catalog (e.g. a real product id); null when fixed.</summary>
    public Func<CatalogSample, IMessage>? BindRequest { get; init; }

    /// <summary>For JSON: builds the request path from the loaded catalog; null when fixed.</summary>
    public Func<CatalogSample, string>? BindPath { get; init; }

    /// <summary>Whether the request is built by <see cref="BindTo"/> once the platform is up and loaded.</summary>
    public bool NeedsCatalogSample => BindRequest is not null || BindPath is not null;

    /// <summary>
    /// A histogram the catalog records for this request (a Prometheus metric name prefix, e.g.
    /// <c>dixis_catalog_search_duration</c>): when set, p50/p99 are also read from inside the service for the measured window.
    /// </summary>
    public string? ServiceHistogram { get; init; }

    /// <summary>This scenario with its request built from <paramref name="sample"/>: fixed bytes again, for the load tools.</summary>
    public Scenario BindTo(CatalogSample sample) => this with
    {
        Body = BindRequest is null ? Body : GrpcFrame.Of(BindRequest(sample)),
        Path = BindPath is null ? Path : BindPath(sample),
        BindRequest = null,
        BindPath = null,
    };

    /// <summary>A unary gRPC call of <paramref name="method"/> with <paramref name="request"/> as its message.</summary>
    public static Scenario Grpc(string name, string description, ScenarioTarget target, MethodDescriptor method, IMessage request) =>
        new(name, description, target, ScenarioProtocol.Grpc, "POST", $"/{method.Service.FullName}/{method.Name}", GrpcFrame.Of(request));

    /// <summary>A JSON GET of <paramref name="path"/> on the gateway's <c>http</c> endpoint.</summary>
    public static Scenario JsonGet(string name, string description, string path) =>
        new(name, description, ScenarioTarget.Platform, ScenarioProtocol.Json, "GET", path, ReadOnlyMemory<byte>.Empty);

    /// <summary>A JSON POST of <paramref name="json"/> to <paramref name="path"/> on the gateway's <c>http</c> endpoint.</summary>
    public static Scenario JsonPost(string name, string description, string path, string json) =>
        new(name, description, ScenarioTarget.Platform, ScenarioProtocol.Json, "POST", path, System.Text.Encoding.UTF8.GetBytes(json));
}
