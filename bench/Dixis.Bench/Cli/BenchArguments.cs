using System.Globalization;
using Dixis.Bench.Scenarios;

namespace Dixis.Bench.Cli;

/// <summary>What one <c>bench/run</c> invocation asks for, already checked against the load caps.</summary>
public sealed record BenchArguments(
    Scenario Scenario,
    TimeSpan Duration,
    TimeSpan WarmUp,
    int Connections,
    int Runs,
    bool UseInstalledEngines,
    bool ListScenarios,
    int Products = 0)
{
    // Caps keep a mistyped argument from saturating a shared 2-core machine for an hour.
    public static readonly TimeSpan MaxDuration = TimeSpan.FromSeconds(120);
    public static readonly TimeSpan MaxWarmUp = TimeSpan.FromSeconds(30);
    public const int MaxConnections = 256;
    public const int MaxRuns = 10;
    public const int MaxProducts = 1_000_000;

    /// <summary>Connections when neither <c>--connections</c> nor the scenario says otherwise.</summary>
    public const int DefaultConnections = 16;

    public const string Usage =
        "usage: bench/run <scenario> [--duration 10s] [--warmup 3s] [--connections 16 (auth.login: 4)] [--runs 3] [--products N] [--installed-engines]\n" +
        "       bench/run --list";

    public static BenchArguments Parse(IReadOnlyList<string> args, IReadOnlyList<Scenario> scenarios)
    {
        string? scenarioName = null;
        var duration = TimeSpan.FromSeconds(10);
        var warmUp = TimeSpan.FromSeconds(3);
        int? connections = null;
        var runs = 3;
        var useInstalledEngines = false;
        var products = 0;

        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            switch (arg)
            {
                case "--list":
                    return new BenchArguments(scenarios[0], duration, warmUp, DefaultConnections, runs, useInstalledEngines, ListScenarios: true);
                case "--duration":
                    duration = ParseDuration(arg, ValueAfter(args, ref i), TimeSpan.FromSeconds(1), MaxDuration);
                    break;
                case "--warmup":
                    warmUp = ParseDuration(arg, ValueAfter(args, ref i), TimeSpan.FromSeconds(1), MaxWarmUp);
                    break;
                case "--connections":
                    connections = ParseCount(arg, ValueAfter(args, ref i), MaxConnections);
                    break;
                case "--installed-engines":
                    useInstalledEngines = true;
                    break;
                case "--runs":
                    runs = ParseCount(arg, ValueAfter(args, ref i), MaxRuns);
                    break;
                case "--products":
                    products = ParseProducts(arg, ValueAfter(args, ref i));
                    break;
                default:
                    if (arg.StartsWith('-'))
                    {
                        throw new BenchArgumentException($"unknown option '{arg}'.");
                    }

                    if (scenarioName is not null)
                    {
                        throw new BenchArgumentException($"one scenario per run: got '{scenarioName}' and '{arg}'.");
                    }

                    scenarioName = arg;
                    break;
            }
        }

        if (scenarioName is null)
        {
            throw new BenchArgumentException("no scenario given; `bench/run --list` shows them.");
        }

        var scenario = scenarios.FirstOrDefault(s => s.Name == scenarioName)
            ?? throw new BenchArgumentException(
                $"unknown scenario '{scenarioName}'; known: {string.Join(", ", scenarios.Select(s => s.Name))}.");

        // A scenario whose target is stated at a concurrency (auth.login: 4 sign-ins at once) brings its own default.
        var effectiveConnections = connections ?? scenario.DefaultConnections ?? DefaultConnections;
        return new BenchArguments(scenario, duration, warmUp, effectiveConnections, runs, useInstalledEngines, ListScenarios: false, products);
    }

    private static string ValueAfter(IReadOnlyList<string> args, ref int i)
    {
        var option = args[i];
        if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
        {
            throw new BenchArgumentException($"option '{option}' needs a value.");
        }

        return args[++i];
    }

    /// <summary>Whole seconds, written as <c>10s</c>, <c>2m</c> or a bare number of seconds (the tools count in seconds).</summary>
    private static TimeSpan ParseDuration(string option, string value, TimeSpan min, TimeSpan max)
    {
        var (digits, unit) = value.EndsWith('m') ? (value[..^1], 60) : value.EndsWith('s') ? (value[..^1], 1) : (value, 1);
        if (!int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var amount))
        {
            throw new BenchArgumentException($"option '{option}' takes whole seconds such as 10s or 2m; got '{value}'.");
        }

        var duration = TimeSpan.FromSeconds((long)amount * unit);
        if (duration < min || duration > max)
        {
            throw new BenchArgumentException(
                $"option '{option}' must be between {min.TotalSeconds:0}s and {max.TotalSeconds:0}s; got '{value}'.");
        }

        return duration;
    }

    /// <summary>0 (demo data only) to <see cref="MaxProducts"/>.</summary>
    private static int ParseProducts(string option, string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count <= MaxProducts
            ? count
            : throw new BenchArgumentException($"option '{option}' must be a whole number from 0 to {MaxProducts}; got '{value}'.");

    private static int ParseCount(string option, string value, int max)
    {
        if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count < 1 || count > max)
        {
            throw new BenchArgumentException($"option '{option}' must be a whole number from 1 to {max}; got '{value}'.");
        }

        return count;
    }
}
