using Dixis.AppHost.Hosting;

namespace Dixis.AppHost.Tests.Hosting;

public sealed class AppHostCommandLineTests
{
    [Fact]
    public void No_arguments_give_the_interactive_defaults()
    {
        var options = AppHostCommandLine.Parse([]);

        Assert.False(options.Embedded);
        Assert.Equal(18888, options.DashboardPort);
        Assert.True(options.UseWellKnownPorts);
        Assert.Null(options.DataDirectory);
        Assert.Equal("Development", options.EnvironmentName);
        Assert.Equal(ConsoleEcho.Errors, options.Echo);
    }

    [Fact]
    public void Every_option_is_read()
    {
        var options = AppHostCommandLine.Parse(["--embedded", "--dashboard-port", "0", "--data-dir", "/tmp/dixis-data", "--free-ports", "--environment", "Staging", "--echo", "all"]);

        Assert.True(options.Embedded);
        Assert.Equal(0, options.DashboardPort);
        Assert.Equal("/tmp/dixis-data", options.DataDirectory);
        Assert.False(options.UseWellKnownPorts);
        Assert.Equal("Staging", options.EnvironmentName);
        Assert.Equal(ConsoleEcho.All, options.Echo);
    }

    [Theory]
    [InlineData(new[] { "--embeded" }, "Unknown argument '--embeded'.")]
    [InlineData(new[] { "embedded" }, "Unknown argument 'embedded'.")]
    [InlineData(new[] { "--dashboard-port" }, "'--dashboard-port' needs a value.")]
    [InlineData(new[] { "--dashboard-port", "--embedded" }, "'--dashboard-port' needs a value.")]
    [InlineData(new[] { "--dashboard-port", "http" }, "'--dashboard-port' must be a port number from 0 to 65535, not 'http'.")]
    [InlineData(new[] { "--dashboard-port", "65536" }, "'--dashboard-port' must be a port number from 0 to 65535, not '65536'.")]
    [InlineData(new[] { "--dashboard-port", "-1" }, "'--dashboard-port' must be a port number from 0 to 65535, not '-1'.")]
    [InlineData(new[] { "--data-dir", " " }, "'--data-dir' needs a non-empty value.")]
    [InlineData(new[] { "--echo", "loud" }, "'--echo' must be none, errors or all, not 'loud'.")]
    public void Bad_arguments_are_rejected_with_a_precise_message(string[] args, string message)
    {
        var error = Assert.Throws<CommandLineException>(() => AppHostCommandLine.Parse(args));

        Assert.Equal(message, error.Message);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    public void Help_is_recognised(string argument) =>
        Assert.True(AppHostCommandLine.IsHelpRequested([argument]));
}
