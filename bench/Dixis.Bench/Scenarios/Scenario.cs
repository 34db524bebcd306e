using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace Dixis.Bench.Scenarios;

/// <summary>
/// One named load: where it goes, how, and the exact bytes of every request.
/// Requests are fixed so that the load tools can replay them without any per-request work of ours.
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
