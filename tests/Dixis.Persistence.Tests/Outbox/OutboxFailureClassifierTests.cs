using Dixis.Persistence.Outbox;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace Dixis.Persistence.Tests.Outbox;

/// <summary>Which handler failures the dispatcher retries and which it parks, for every gRPC status code.</summary>
public sealed class OutboxFailureClassifierTests
{
    [Theory]
    [InlineData(StatusCode.InvalidArgument)]
    [InlineData(StatusCode.NotFound)]
    [InlineData(StatusCode.AlreadyExists)]
    [InlineData(StatusCode.PermissionDenied)]
    [InlineData(StatusCode.FailedPrecondition)]
    [InlineData(StatusCode.OutOfRange)]
    public void A_refusal_of_the_request_itself_is_permanent(StatusCode code) =>
        Assert.True(OutboxFailureClassifier.IsPermanent(new RpcException(new Status(code, "refused"))));

    [Theory]
    [InlineData(StatusCode.Unavailable)]
    [InlineData(StatusCode.DeadlineExceeded)]
    [InlineData(StatusCode.ResourceExhausted)]
    [InlineData(StatusCode.Aborted)]
    [InlineData(StatusCode.Internal)]
    [InlineData(StatusCode.Unknown)]
    [InlineData(StatusCode.Cancelled)]
    [InlineData(StatusCode.Unauthenticated)]
    [InlineData(StatusCode.Unimplemented)]
    [InlineData(StatusCode.DataLoss)]
    public void A_failure_of_the_moment_is_transient(StatusCode code) =>
        Assert.False(OutboxFailureClassifier.IsPermanent(new RpcException(new Status(code, "try later"))));

    [Fact]
    public void Every_status_code_is_classified_on_purpose()
    {
        var permanent = System.Enum.GetValues<StatusCode>().Where(OutboxFailureClassifier.IsPermanent);

        Assert.Equal(
            [StatusCode.InvalidArgument, StatusCode.NotFound, StatusCode.AlreadyExists, StatusCode.PermissionDenied, StatusCode.FailedPrecondition, StatusCode.OutOfRange],
            permanent);
    }

    [Fact]
    public void An_explicit_permanent_failure_and_an_unreadable_protobuf_payload_are_permanent()
    {
        var unreadable = Assert.Throws<Google.Protobuf.InvalidProtocolBufferException>(() => Timestamp.Parser.ParseFrom(new byte[] { 0xFF, 0xFF, 0xFF }));

        Assert.True(OutboxFailureClassifier.IsPermanent(new PermanentOutboxFailureException("payload has no refund id")));
        Assert.True(OutboxFailureClassifier.IsPermanent(unreadable));
    }

    [Fact]
    public void Timeouts_io_errors_and_unknown_exceptions_are_transient()
    {
        Assert.False(OutboxFailureClassifier.IsPermanent(new TimeoutException()));
        Assert.False(OutboxFailureClassifier.IsPermanent(new IOException("connection reset")));
        Assert.False(OutboxFailureClassifier.IsPermanent(new HttpRequestException("no route to host")));
        Assert.False(OutboxFailureClassifier.IsPermanent(new TaskCanceledException("HttpClient.Timeout elapsed")));
        Assert.False(OutboxFailureClassifier.IsPermanent(new InvalidOperationException("who knows")));
    }
}
