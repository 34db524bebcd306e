using System.Net;
using System.Text;
using Dixis.Contracts.Catalog.V1;
using Dixis.Gateway.Tests.Infrastructure;
using Google.Rpc;
using Grpc.Core;

namespace Dixis.Gateway.Tests;

/// <summary>Bad input at the gateway gets a precise error in the caller's protocol and never reaches a service.</summary>
public sealed class BadInputTests(GatewayFixture fixture)
{
    [Theory]
    [InlineData("{\"name\": ", "LineNumber")]
    [InlineData("{\"slug\": 'x'}", "invalid start of a value")]
    [InlineData("[1, 2,]", "Request body is not valid JSON")]
    [InlineData("", "Request body is empty")]
    public async Task Malformed_json_gets_400_with_a_status_naming_the_problem(string body, string expectedInMessage)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var http = fixture.JsonClient().AsAdmin();
        using var content = new StringContent(body, Encoding.UTF8, "application/json");

        using var response = await http.PostAsync(new Uri("/v1/categories", UriKind.Relative), content, cancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var status = await StatusBody.ReadAsync(response, cancellationToken);
        Assert.Equal((int)Code.InvalidArgument, status.Code);
        Assert.Contains(expectedInMessage, status.Message, StringComparison.Ordinal);
        var violation = Assert.Single(Assert.Single(status.Details).Unpack<BadRequest>().FieldViolations);
        Assert.Equal("body", violation.Field);
    }

    [Theory]
    [InlineData("{\"name\": 42}", "field 'name'")]
    [InlineData("{\"slug\": \"ok\", \"position\": \"first\"}", "field 'position'")]
    [InlineData("{\"name\": {\"values\": {\"en\": 7}}}", "field 'name.values'")]
    [InlineData("[]", "not a valid Category")]
    public async Task Json_of_the_wrong_shape_gets_400_naming_the_field(string body, string expectedInMessage)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var http = fixture.JsonClient().AsAdmin();
        using var content = new StringContent(body, Encoding.UTF8, "application/json");

        using var response = await http.PostAsync(new Uri("/v1/categories", UriKind.Relative), content, cancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var status = await StatusBody.ReadAsync(response, cancellationToken);
        Assert.Equal((int)Code.InvalidArgument, status.Code);
        Assert.StartsWith("Request body", status.Message, StringComparison.Ordinal);
        Assert.Contains(expectedInMessage, status.Message, StringComparison.Ordinal);
        Assert.Contains("Category", status.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Well_formed_json_passes_the_gateway_checks_and_reaches_the_service()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var http = fixture.JsonClient().AsAdmin();
        using var content = new StringContent(
            "{\"slug\": \"honey\", \"name\": {\"values\": {\"en\": \"Honey\"}}, \"someFutureField\": true}", Encoding.UTF8, "application/json");

        using var response = await http.PostAsync(new Uri("/v1/categories", UriKind.Relative), content, cancellationToken);

        // Whatever the catalog answers (it may not implement creation yet), it is not the gateway's 400 or 413.
        var status = response.IsSuccessStatusCode ? null : await StatusBody.ReadAsync(response, cancellationToken);
        Assert.DoesNotContain("Request body", status?.Message ?? string.Empty, StringComparison.Ordinal);
        Assert.NotEqual(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Theory]
    [InlineData("GET", "/v1/no-such-collection")]
    [InlineData("POST", "/v1/categories:tree/extra")]
    [InlineData("GET", "/")]
    public async Task Unknown_route_gets_404_with_a_not_found_status_naming_method_and_path(string method, string path)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var http = fixture.JsonClient();
        using var request = new HttpRequestMessage(new HttpMethod(method), path);

        using var response = await http.SendAsync(request, cancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var status = await StatusBody.ReadAsync(response, cancellationToken);
        Assert.Equal((int)Code.NotFound, status.Code);
        Assert.Contains($"{method} {path}", status.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Oversize_json_body_gets_413_with_a_resource_exhausted_status()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var http = fixture.JsonClient().AsAdmin();
        var json = $"{{\"name\": {{\"en\": \"{new string('a', GatewayFactory.MaxMessageSize + 1)}\"}}}}";
        using var content = new StringContent(json, Encoding.UTF8, "application/json");

        using var response = await http.PostAsync(new Uri("/v1/categories", UriKind.Relative), content, cancellationToken);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var status = await StatusBody.ReadAsync(response, cancellationToken);
        Assert.Equal((int)Code.ResourceExhausted, status.Code);
        Assert.Contains(GatewayFactory.MaxMessageSize.ToString(System.Globalization.CultureInfo.InvariantCulture), status.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Oversize_chunked_json_body_without_content_length_gets_413()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var http = fixture.JsonClient().AsAdmin();
        var json = Encoding.UTF8.GetBytes($"{{\"slug\": \"{new string('b', GatewayFactory.MaxMessageSize * 2)}\"}}");
        using var content = new StreamContent(new MemoryStream(json));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");

        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/categories") { Content = content };
        request.Headers.TransferEncodingChunked = true;
        using var response = await http.SendAsync(request, cancellationToken);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal((int)Code.ResourceExhausted, (await StatusBody.ReadAsync(response, cancellationToken)).Code);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Oversize_grpc_message_gets_resource_exhausted(bool grpcWeb)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var channel = grpcWeb ? fixture.GrpcWebChannel() : fixture.GrpcChannel();
        var client = new CategoryService.CategoryServiceClient(channel);

        var failure = await Assert.ThrowsAsync<RpcException>(() => client.GetCategoryTreeAsync(
            new GetCategoryTreeRequest { LanguageCode = new string('x', GatewayFactory.MaxMessageSize + 1) },
            cancellationToken: cancellationToken).ResponseAsync);

        Assert.Equal(StatusCode.ResourceExhausted, failure.StatusCode);
    }

    [Fact]
    public async Task Unknown_grpc_method_gets_unimplemented()
    {
        using var channel = fixture.GrpcChannel();
        var unknown = new Method<Google.Protobuf.WellKnownTypes.Empty, Google.Protobuf.WellKnownTypes.Empty>(
            MethodType.Unary,
            "dixis.nothing.v1.NothingService",
            "DoNothing",
            Marshallers.Create(message => Google.Protobuf.MessageExtensions.ToByteArray(message), Google.Protobuf.WellKnownTypes.Empty.Parser.ParseFrom),
            Marshallers.Create(message => Google.Protobuf.MessageExtensions.ToByteArray(message), Google.Protobuf.WellKnownTypes.Empty.Parser.ParseFrom));

        var failure = await Assert.ThrowsAsync<RpcException>(() => channel.CreateCallInvoker()
            .AsyncUnaryCall(unknown, null, new CallOptions(cancellationToken: TestContext.Current.CancellationToken), new Google.Protobuf.WellKnownTypes.Empty())
            .ResponseAsync);

        Assert.Equal(StatusCode.Unimplemented, failure.StatusCode);
    }
}
