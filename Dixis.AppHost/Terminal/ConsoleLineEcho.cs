using Dixis.AppHost.Hosting;
using Dixis.AppHost.Logs;

namespace Dixis.AppHost.Terminal;

/// <summary>Repeats resource console lines on the AppHost's console, each prefixed with a coloured <c>[name]</c>.</summary>
internal sealed class ConsoleLineEcho
{
    private static readonly string[] Colours = ["\u001b[36m", "\u001b[35m", "\u001b[33m", "\u001b[32m", "\u001b[34m", "\u001b[96m", "\u001b[95m"];
    private const string Reset = "\u001b[0m";

    private readonly ConsoleEcho _echo;
    private readonly Dictionary<string, string> _prefixes;
    private readonly Lock _console = new();

    public ConsoleLineEcho(ConsoleEcho echo, IEnumerable<string> resourceNames)
    {
        _echo = echo;
        var names = resourceNames.ToList();
        var width = names.Count == 0 ? 0 : names.Max(n => n.Length);
        var coloured = !Console.IsOutputRedirected;
        _prefixes = names.Select((name, i) => (name, prefix: $"[{name}]".PadRight(width + 2)))
            .ToDictionary(p => p.name, p => coloured ? $"{Colours[names.IndexOf(p.name) % Colours.Length]}{p.prefix}{Reset} " : p.prefix + " ");
    }

    /// <summary>Writes the line when the echo mode asks for it.</summary>
    public void Write(string resource, LogLine line)
    {
        if (_echo == ConsoleEcho.None || (_echo == ConsoleEcho.Errors && line.Stream != LogStream.StandardError))
        {
            return;
        }

        lock (_console)
        {
            Console.Out.Write(_prefixes.GetValueOrDefault(resource, $"[{resource}] "));
            Console.Out.WriteLine(line.Text);
        }
    }
}
