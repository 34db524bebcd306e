using System.Globalization;
using System.Text;
using Dixis.Catalog.Cli.CommandLine;
using Dixis.Catalog.Cli.Jsonl;
using Dixis.Catalog.Cli.Terminal;
using Dixis.Catalog.DemoData;
using Dixis.Catalog.Loading;
using Dixis.Contracts.Catalog.V1;

namespace Dixis.Catalog.Cli.Commands;

/// <summary>The three commands: results on <paramref name="output"/>, problems on <paramref name="error"/>, progress bars on stderr.</summary>
public sealed class CatalogCommands(TextWriter output, TextWriter error, ProgressDisplay progress, TimeProvider timeProvider) : ICatalogCommands
{
    public Task<int> GenerateAsync(GenerateArguments arguments, CancellationToken cancellationToken) => GuardedAsync(async () =>
    {
        var generator = new DemoProductGenerator(arguments.Seed, arguments.Producers);
        var started = timeProvider.GetTimestamp();
        long written;
        await using (var writer = new StreamWriter(arguments.Out.FullName, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 1 << 16) { NewLine = "\n" })
        {
            written = await progress.RunAsync(bars => ProductJsonl.WriteAsync(
                generator.Generate(arguments.Products).Select(demo => demo.Product), writer, arguments.Products, bars, cancellationToken));
        }

        arguments.Out.Refresh();
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"wrote {written:N0} products ({arguments.Out.Length / (1024.0 * 1024.0):0.0} MB) to {arguments.Out.FullName} in {timeProvider.GetElapsedTime(started).TotalSeconds:0.0} s"));
        await output.WriteLineAsync(
            "Rows name the demo producers' and categories' ids: load the producers with `demo --products 0 --producers " +
            string.Create(CultureInfo.InvariantCulture, $"{arguments.Producers}`, then `import FILE --demo-ids` maps the ids to the catalog's."));
        return ExitCodes.Success;
    }, cancellationToken);

    public Task<int> ImportAsync(ImportArguments arguments, CancellationToken cancellationToken) => GuardedAsync(async () =>
    {
        var requestId = arguments.RequestId ?? Guid.CreateVersion7(timeProvider.GetUtcNow()).ToString("D");
        await error.WriteLineAsync($"import request_id {requestId}: to retry without importing twice, run again with --request-id {requestId}");
        using var catalog = new CatalogConnection(arguments.Address, arguments.Caller, timeProvider);
        var lines = await ProductJsonl.CountLinesAsync(arguments.File, cancellationToken);
        using var reader = new StreamReader(arguments.File.FullName, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        var rows = ProductJsonl.ReadAsync(reader, cancellationToken);
        if (arguments.DemoIds)
        {
            var producers = await ProducerIdMap.ExistingAsync(catalog, cancellationToken);
            var categories = await CategoryIdMap.LoadAsync(catalog, cancellationToken);
            rows = rows.Select(product => WithCatalogIds(product, producers, categories));
        }

        var outcome = await progress.RunAsync(bars => new ProductImport(catalog, timeProvider).ImportAsync(
            rows, lines, new ImportSettings(requestId, arguments.Mode, arguments.ValidateOnly), bars, cancellationToken));
        ImportReport.Write(output, requestId, outcome);
        return outcome.Response.FailedCount == 0 ? ExitCodes.Success : ExitCodes.Failed;
    }, cancellationToken);

    public Task<int> DemoAsync(DemoArguments arguments, CancellationToken cancellationToken) => GuardedAsync(async () =>
    {
        using var catalog = new CatalogConnection(arguments.Address, CatalogCommandLine.DefaultCaller(), timeProvider);
        var plan = new DemoLoadPlan(arguments.Products, arguments.Producers, arguments.Seed);
        var result = await progress.RunAsync(bars => new DemoCatalogLoader(catalog, timeProvider).LoadAsync(plan, bars, cancellationToken));

        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"producers: {result.Producers.Created:N0} created, {result.Producers.Existing:N0} already there"));
        if (result.Import is { } import)
        {
            ImportReport.Write(output, plan.ImportRequestId, import);
        }

        if (result.Stock is { } stock)
        {
            var missing = stock.Missing > 0 ? string.Create(CultureInfo.InvariantCulture, $", {stock.Missing:N0} SKUs of rejected rows skipped") : string.Empty;
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"stock: {stock.Stocked:N0} SKUs restocked (sold-out SKUs stay at 0){missing}"));
        }

        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"demo catalog loaded into {arguments.Address} in {result.Elapsed.TotalSeconds:0.0} s"));
        return result.Import is { Response.FailedCount: > 0 } ? ExitCodes.Failed : ExitCodes.Success;
    }, cancellationToken);

    private static Product WithCatalogIds(Product product, ProducerIdMap producers, CategoryIdMap categories)
    {
        if (producers.TryTranslate(product.ProducerId, out var producerId))
        {
            product.ProducerId = producerId;
        }

        if (categories.TryTranslate(product.CategoryId, out var categoryId))
        {
            product.CategoryId = categoryId;
        }

        return product;
    }

    /// <summary>Runs a command and turns the failures a person can fix into one clear line and an exit code, never a stack trace.</summary>
    private async Task<int> GuardedAsync(Func<Task<int>> command, CancellationToken cancellationToken)
    {
        try
        {
            return await command();
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await error.WriteLineAsync("dixis-catalog: cancelled.");
            return ExitCodes.Cancelled;
        }
        catch (Exception failure) when (failure is CatalogLoadException or JsonlFormatException or IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"dixis-catalog: {failure.Message}");
            return ExitCodes.Failed;
        }
    }
}
