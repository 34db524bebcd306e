using Dixis.AppHost.Orchestration;

namespace Dixis.AppHost.Tests.Orchestration;

public sealed class RestartBackoffTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 4)]
    [InlineData(5, 16)]
    [InlineData(6, 30)]
    [InlineData(1000, 30)]
    public void Doubles_from_one_second_up_to_the_cap(int failures, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), RestartBackoff.Delay(failures));

    [Fact]
    public void Zero_failures_is_not_a_restart() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => RestartBackoff.Delay(0));
}
