namespace Dixis.Catalog.Cli.CommandLine;

/// <summary>What each command does once its arguments are parsed and valid; each returns an <see cref="ExitCodes"/> value.</summary>
public interface ICatalogCommands
{
    Task<int> GenerateAsync(GenerateArguments arguments, CancellationToken cancellationToken);

    Task<int> ImportAsync(ImportArguments arguments, CancellationToken cancellationToken);

    Task<int> DemoAsync(DemoArguments arguments, CancellationToken cancellationToken);
}
