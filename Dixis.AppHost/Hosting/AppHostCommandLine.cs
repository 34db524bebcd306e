using System.Globalization;

namespace Dixis.AppHost.Hosting;

/// <summary>
/// The AppHost's command line: <c>[--embedded] [--dashboard-port &lt;port&gt;] [--data-dir &lt;path&gt;] [--free-ports]
/// [--environment &lt;name&gt;] [--echo none|errors|all]</c>. Anything else is an error naming the argument.
/// </summary>
public static class AppHostCommandLine
{
    /// <summary>Shown with <c>--help</c> and after every command-line error.</summary>
    public const string Usage = """
        Usage: dotnet run --project Dixis.AppHost -- [options]

          --embedded               run the embedded defaults (SQLite, in-memory cache) even when
                                   redis-server or mongod is installed
          --dashboard-port <port>  dashboard port on localhost (default 18888; 0 = a free port)
          --data-dir <path>        where services keep their data (default: <repository>/.data)
          --free-ports             put the gateway on free ports too (default: 8080/8081 when free)
          --environment <name>     ASPNETCORE_ENVIRONMENT of the services (default Development)
          --echo none|errors|all   which service console lines to repeat here (default errors)
          --help                   show this text
        """;

    /// <summary>True when the arguments ask for <see cref="Usage"/>.</summary>
    public static bool IsHelpRequested(IReadOnlyList<string> args) =>
        args.Any(a => a is "--help" or "-h" or "-?");

    /// <summary>Options for an interactive run: well-known gateway ports, own log and crash output on the console.</summary>
    /// <exception cref="CommandLineException">An unknown argument, a missing value, or a value out of range.</exception>
    public static PlatformOptions Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var options = new PlatformOptions { UseWellKnownPorts = true, LogToConsole = true, Echo = ConsoleEcho.Errors };
        for (var i = 0; i < args.Count; i++)
        {
            var argument = args[i];
            switch (argument)
            {
                case "--embedded":
                    options.Embedded = true;
                    break;
                case "--free-ports":
                    options.UseWellKnownPorts = false;
                    break;
                case "--dashboard-port":
                    options.DashboardPort = ParsePort(argument, ValueOf(args, ref i));
                    break;
                case "--data-dir":
                    options.DataDirectory = Path.GetFullPath(ValueOf(args, ref i));
                    break;
                case "--environment":
                    options.EnvironmentName = ValueOf(args, ref i);
                    break;
                case "--echo":
                    options.Echo = ParseEcho(ValueOf(args, ref i));
                    break;
                default:
                    throw new CommandLineException($"Unknown argument '{argument}'.");
            }
        }

        return options;
    }

    private static string ValueOf(IReadOnlyList<string> args, ref int index)
    {
        var name = args[index];
        if (index + 1 >= args.Count || args[index + 1].StartsWith("--", StringComparison.Ordinal))
        {
            throw new CommandLineException($"'{name}' needs a value.");
        }

        index++;
        var value = args[index];
        return string.IsNullOrWhiteSpace(value) ? throw new CommandLineException($"'{name}' needs a non-empty value.") : value;
    }

    private static int ParsePort(string name, string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port <= 65535
            ? port
            : throw new CommandLineException($"'{name}' must be a port number from 0 to 65535, not '{value}'.");

    private static ConsoleEcho ParseEcho(string value) => value switch
    {
        "none" => ConsoleEcho.None,
        "errors" => ConsoleEcho.Errors,
        "all" => ConsoleEcho.All,
        _ => throw new CommandLineException($"'--echo' must be none, errors or all, not '{value}'."),
    };
}
