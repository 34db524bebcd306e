using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace Dixis.Bench.Scenarios;

/// <summary>
/// One named load: where it goes, how, and the exact bytes of every request.
/// Requests are fixed so that the load tools can replay them without any per-request work of ours; a request that
/// needs data of the running platform (a product id) is built once, after the platform is up, by <see cref="BindTo(CatalogSample)"/>.
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

    /// <summary>Whether the request is built by <see cref="BindTo(CatalogSample)"/> once the platform is up and loaded.</summary>
    public bool NeedsCatalogSample => BindRequest is not null || BindPath is not null || Baseline is { NeedsCatalogSample: true };

    /// <summary>
    /// For gRPC: builds the request message from the bench customer's credentials (e.g. a <c>LoginRequest</c>), once
    /// the customer is registered; null when the request does not name a user.
    /// </summary>
    public Func<CustomerCredentials, IMessage>? BindCredentials { get; init; }

    /// <summary>
    /// Whether every request carries the bench customer's access token (<c>authorization: Bearer …</c>). Access tokens
    /// live at most ten minutes, so the harness signs in anew before each run (<see cref="WithAccessToken"/>).
    /// </summary>
    public bool SignedIn { get; init; }

    /// <summary>Whether the harness registers a customer before the runs, for <see cref="BindCredentials"/> or <see cref="SignedIn"/>.</summary>
    public bool NeedsCustomer => BindCredentials is not null || SignedIn || WorkloadSignsIn;

    /// <summary>
    /// Another scenario measured in every run just before this one, on the same platform and data, with the same
    /// settings; the table adds this row's rate as a share of the baseline's (e.g. a signed-in read against the same
    /// read anonymous). Bound together with this one.
    /// </summary>
    public Scenario? Baseline { get; init; }

    /// <summary>
    /// For <see cref="ScenarioKind.Client"/>: builds the workload once the platform is up (given the workers), e.g. stocking
    /// SKUs; the harness's client then drives it.
    /// </summary>
    public Func<Commerce.ClientWorkloadContext, int, CancellationToken, Task<Load.IClientWorkload>>? Workload { get; init; }

    /// <summary>Whether the workload acts as the bench customer.</summary>
    public bool WorkloadSignsIn { get; init; }

    /// <summary>Connections when <c>--connections</c> is not given (the harness's default is 16).</summary>
    public int? DefaultConnections { get; init; }

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
        Baseline = Baseline?.BindTo(sample),
    };

    /// <summary>This scenario with its request built from the bench customer's credentials: fixed bytes again.</summary>
    public Scenario BindTo(CustomerCredentials customer) => this with
    {
        Body = BindCredentials is null ? Body : GrpcFrame.Of(BindCredentials(customer)),
        BindCredentials = null,
    };

    /// <summary>This scenario sending <paramref name="accessToken"/> as a bearer token on every request.</summary>
    public Scenario WithAccessToken(string accessToken) => this with
    {
        Headers = new Dictionary<string, string>(Headers) { ["authorization"] = $"Bearer {accessToken}" },
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
