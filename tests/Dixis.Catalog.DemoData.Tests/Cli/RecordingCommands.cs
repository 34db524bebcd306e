using Dixis.Catalog.Cli.CommandLine;

namespace Dixis.Catalog.DemoData.Tests.Cli;

/// <summary>Records what the command line asked for, to check parsing without calling a catalog.</summary>
internal sealed class RecordingCommands : ICatalogCommands
{
    public object? Received { get; private set; }

    public Task<int> GenerateAsync(GenerateArguments arguments, CancellationToken cancellationToken) => Record(arguments);

    public Task<int> ImportAsync(ImportArguments arguments, CancellationToken cancellationToken) => Record(arguments);

    public Task<int> DemoAsync(DemoArguments arguments, CancellationToken cancellationToken) => Record(arguments);

    private Task<int> Record(object arguments)
    {
        Received = arguments;
        return Task.FromResult(ExitCodes.Success);
    }
}
