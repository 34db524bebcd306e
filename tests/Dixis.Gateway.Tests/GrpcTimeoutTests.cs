using Dixis.Gateway.PassThrough;

namespace Dixis.Gateway.Tests;

/// <summary>The grpc-timeout header the pass-through reads from callers and writes to services.</summary>
public sealed class GrpcTimeoutTests
{
    [Theory]
    [InlineData("1H", 3_600_000.0)]
    [InlineData("2M", 120_000.0)]
    [InlineData("10S", 10_000.0)]
    [InlineData("250m", 250.0)]
    [InlineData("1500u", 1.5)]
    [InlineData("99999999n", 99.9999)]
    public void Valid_values_are_read_in_their_unit(string header, double expectedMilliseconds)
    {
        Assert.True(GrpcTimeout.TryParse(header, out var timeout));
        Assert.Equal(expectedMilliseconds, timeout.TotalMilliseconds, 4);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("10")]
    [InlineData("S")]
    [InlineData("10s")]
    [InlineData("-1S")]
    [InlineData("+1S")]
    [InlineData("123456789S")]
    [InlineData("1 S")]
    public void Malformed_values_are_not_a_deadline(string? header) =>
        Assert.False(GrpcTimeout.TryParse(header, out _));

    [Theory]
    [InlineData(10_000.0, "10000m")]
    [InlineData(0.2, "1m")]
    [InlineData(1.5, "2m")]
    [InlineData(100_000_000.0, "100000S")]
    public void Timeouts_are_written_in_milliseconds_rounded_up_until_they_need_a_coarser_unit(double milliseconds, string expected) =>
        Assert.Equal(expected, GrpcTimeout.Format(TimeSpan.FromMilliseconds(milliseconds)));

    [Fact]
    public void The_longest_timeout_is_written_in_hours_within_eight_digits() =>
        Assert.Equal("99999999H", GrpcTimeout.Format(TimeSpan.MaxValue));
}
