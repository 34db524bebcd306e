using Dixis.Catalog.Cli.CommandLine;
using Dixis.Catalog.Cli.Commands;
using Dixis.Catalog.Cli.Terminal;

// Ctrl+C cancels the running command through System.CommandLine's cancellation token.
var commands = new CatalogCommands(Console.Out, Console.Error, ProgressDisplay.OnStandardError(), TimeProvider.System);
return await CatalogCommandLine.RunAsync(args, commands, Console.Out, Console.Error, CancellationToken.None);
