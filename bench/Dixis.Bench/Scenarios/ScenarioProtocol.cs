namespace Dixis.Bench.Scenarios;

/// <summary>How a scenario's requests travel, which decides the load tool and the endpoint.</summary>
public enum ScenarioProtocol
{
    /// <summary>Native gRPC over cleartext HTTP/2, driven by h2load against a <c>grpc</c> endpoint.</summary>
    Grpc,

    /// <summary>JSON over HTTP/1.1, driven by wrk against the gateway's <c>http</c> endpoint.</summary>
    Json,
}
