using Dixis.Gateway.Forwarding;
using Grpc.Core;

namespace Dixis.Gateway.Tests;

/// <summary>The header policy, as the typed forwarders and the pass-through each apply it.</summary>
public sealed class MetadataRelayTests
{
    [Theory]
    [InlineData("authorization", true)]
    [InlineData("x-request-id", true)]
    [InlineData("x-trace-bin", true)]
    [InlineData("content-type", true)]
    [InlineData("grpc-encoding", true)]
    [InlineData("grpc-accept-encoding", true)]
    [InlineData("dixis-internal-caller", false)]
    [InlineData("Dixis-Internal-Caller", false)]
    [InlineData("grpc-timeout", false)]
    [InlineData("te", false)]
    [InlineData("host", false)]
    [InlineData(":authority", false)]
    [InlineData("cookie", false)]
    [InlineData("sec-fetch-mode", false)]
    public void Pass_through_request_headers(string key, bool relayed) =>
        Assert.Equal(relayed, MetadataRelay.RelaysPassThroughRequestHeader(key));

    [Theory]
    [InlineData("grpc-status", true)]
    [InlineData("grpc-message", true)]
    [InlineData("grpc-status-details-bin", true)]
    [InlineData("content-type", true)]
    [InlineData("x-downstream-header", true)]
    [InlineData("dixis-internal-caller", false)]
    [InlineData("content-length", false)]
    [InlineData("date", false)]
    [InlineData("server", false)]
    public void Pass_through_response_headers_and_trailers(string key, bool relayed) =>
        Assert.Equal(relayed, MetadataRelay.RelaysPassThroughResponseHeader(key));

    [Fact]
    public void Typed_forwarders_drop_the_internal_caller_and_framing_but_keep_call_metadata()
    {
        var relayed = MetadataRelay.RequestHeaders(new Metadata
        {
            { "dixis-internal-caller", "orders" },
            { "grpc-encoding", "gzip" },
            { "x-request-id", "r-1" },
        });

        Assert.Equal(["x-request-id"], relayed.Select(entry => entry.Key));
    }
}
