using System.CommandLine;
using System.Globalization;
using Dixis.Catalog.DemoData;
using Dixis.Catalog.Loading;
using Dixis.Contracts.Catalog.V1;

namespace Dixis.Catalog.Cli.CommandLine;

/// <summary>
/// The tool's command line (System.CommandLine): three commands, each option checked before anything runs, so a
/// mistyped argument gets a precise message and exit code 2 instead of a half-done load.
/// </summary>
public static class CatalogCommandLine
{
    public const int MaxProducts = 1_000_000;
    public const int MaxProducers = 10_000;
    public const int DefaultDemoProducts = 1_000;

    /// <summary>Parses <paramref name="args"/> and runs the command; parse errors go to <paramref name="error"/>, help to <paramref name="output"/>.</summary>
    public static async Task<int> RunAsync(IReadOnlyList<string> args, ICatalogCommands commands, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var result = Create(commands).Parse(args);
        if (result.Errors.Count > 0)
        {
            foreach (var problem in result.Errors)
            {
                await error.WriteLineAsync($"dixis-catalog: {problem.Message}");
            }

            await error.WriteLineAsync("Run with --help for usage.");
            return ExitCodes.Usage;
        }

        return await result.InvokeAsync(new InvocationConfiguration { Output = output, Error = error }, cancellationToken);
    }

    public static RootCommand Create(ICatalogCommands commands) =>
        new("Dixis catalog tool: demo catalog files, bulk import and demo loading over gRPC.")
        {
            GenerateCommand(commands),
            ImportCommand(commands),
            DemoCommand(commands),
        };

    private static Command GenerateCommand(ICatalogCommands commands)
    {
        var products = CountOption("--products", "How many products to write.", 1, MaxProducts);
        products.Required = true;
        var seed = SeedOption();
        var producers = ProducersOption();
        var output = new Option<FileInfo>("--out")
        {
            Description = "The file to write, one ImportProductsRequest in proto3 JSON per line (JSON Lines).",
            HelpName = "FILE.jsonl",
            Required = true,
        };
        output.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<FileInfo>() is { Directory: { Exists: false } directory })
            {
                result.AddError($"--out: the folder '{directory.FullName}' does not exist.");
            }
        });

        var command = new Command("generate", "Write demo products to a JSON Lines file that `import` reads.") { products, seed, producers, output };
        command.SetAction((parse, token) => commands.GenerateAsync(
            new GenerateArguments(parse.GetValue(products), parse.GetValue(seed), parse.GetValue(producers), parse.GetValue(output)!), token));
        return command;
    }

    private static Command ImportCommand(ICatalogCommands commands)
    {
        var file = new Argument<FileInfo>("FILE.jsonl") { Description = "Rows to import, as `generate` writes them." };
        file.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<FileInfo>() is { Exists: false } missing)
            {
                result.AddError($"FILE.jsonl: '{missing.FullName}' does not exist.");
            }
        });
        var address = AddressOption();
        var mode = new Option<string>("--mode")
        {
            Description = "upsert: update products whose slug exists, create the others; create-only: report existing slugs as row errors.",
            DefaultValueFactory = _ => "upsert",
        };
        mode.AcceptOnlyFromAmong("upsert", "create-only");
        var validateOnly = new Option<bool>("--validate-only") { Description = "Check and report every row, write nothing." };
        var requestId = new Option<string?>("--request-id")
        {
            Description = "The import's idempotency key (a UUID). Made up when not given and printed: give it again to retry an import without importing twice.",
            HelpName = "UUID",
            CustomParser = result =>
            {
                var text = result.Tokens[0].Value;
                if (Guid.TryParse(text, out var id))
                {
                    return id.ToString("D");
                }

                result.AddError($"--request-id must be a UUID such as 0b0e5a52-6f6a-4c1e-9d1a-2f7d3c1b9e40, not '{text}'.");
                return null;
            },
        };
        var caller = CallerOption();
        var demoIds = new Option<bool>("--demo-ids")
        {
            Description = "Translate the demo producer and category ids `generate` writes to this catalog's ids, by slug (create the producers first: `demo --products 0`).",
        };

        var command = new Command("import", "Stream a JSON Lines file to ProductService/ImportProducts and print the summary; exit code 0 only when no row failed.")
        {
            file, address, mode, validateOnly, requestId, caller, demoIds,
        };
        command.SetAction((parse, token) => commands.ImportAsync(
            new ImportArguments(
                parse.GetValue(file)!,
                parse.GetValue(address)!,
                parse.GetValue(mode) == "create-only" ? ImportMode.CreateOnly : ImportMode.Upsert,
                parse.GetValue(validateOnly),
                parse.GetValue(requestId),
                parse.GetValue(caller)!,
                parse.GetValue(demoIds)),
            token));
        return command;
    }

    private static Command DemoCommand(ICatalogCommands commands)
    {
        var address = AddressOption();
        var products = CountOption("--products", "How many demo products to import (0: producers only).", 0, MaxProducts);
        products.DefaultValueFactory = _ => DefaultDemoProducts;
        var producers = ProducersOption();
        var seed = SeedOption();
        var command = new Command("demo", "Load the demo catalog: create the demo producers, import the demo products, set their stock.")
        {
            address, products, producers, seed,
        };
        command.SetAction((parse, token) => commands.DemoAsync(
            new DemoArguments(parse.GetValue(address)!, parse.GetValue(products), parse.GetValue(producers), parse.GetValue(seed)), token));
        return command;
    }

    private static Option<Uri> AddressOption() => new("--address")
    {
        Description = "The catalog's grpc endpoint, e.g. http://localhost:5111 (not the gateway, which strips the caller header).",
        HelpName = "URL",
        Required = true,
        CustomParser = result =>
        {
            var text = result.Tokens[0].Value;
            if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.Host.Length > 0)
            {
                return uri;
            }

            result.AddError($"--address must be an absolute http:// or https:// URL such as http://localhost:5111, not '{text}'.");
            return null;
        },
    };

    /// <summary>
    /// The caller when <c>--as</c> is not given: the access token in <c>DIXIS_ACCESS_TOKEN</c> when set (any environment,
    /// gateway or catalog), else the interim admin header (a catalog in Development only).
    /// </summary>
    public static CallerIdentity DefaultCaller() =>
        Environment.GetEnvironmentVariable(CallerIdentity.AccessTokenVariable) is { Length: > 0 } token ? CallerIdentity.Bearer(token) : CallerIdentity.Admin;

    private static Option<CallerIdentity> CallerOption() => new("--as")
    {
        Description = $"Who to import as without an access token in {CallerIdentity.AccessTokenVariable}: admin (any producer's products) or producer:<id> (that producer's own), by the interim header a catalog accepts in Development only.",
        HelpName = "admin|producer:<id>",
        DefaultValueFactory = _ => DefaultCaller(),
        CustomParser = result =>
        {
            var caller = CallerIdentity.TryParse(result.Tokens[0].Value, out var problem);
            if (caller is null)
            {
                result.AddError($"--as: {problem}");
            }

            return caller;
        },
    };

    private static Option<int> ProducersOption()
    {
        var option = CountOption("--producers", $"How many demo producers the products are spread over (default {DemoProducers.DefaultCount}).", 1, MaxProducers);
        option.DefaultValueFactory = _ => DemoProducers.DefaultCount;
        return option;
    }

    private static Option<int> SeedOption() => new("--seed")
    {
        Description = $"The generator's seed: the same seed gives the same products (default {DemoProductGenerator.DefaultSeed}).",
        DefaultValueFactory = _ => DemoProductGenerator.DefaultSeed,
    };

    private static Option<int> CountOption(string name, string description, int min, int max) => new(name)
    {
        Description = description,
        HelpName = "N",

        // Parsed here rather than validated after System.CommandLine's conversion, which throws on 'many'.
        CustomParser = result =>
        {
            var text = result.Tokens[0].Value;
            if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
            {
                return value;
            }

            result.AddError(string.Create(CultureInfo.InvariantCulture, $"{name} must be a whole number from {min:N0} to {max:N0}, not {text}."));
            return default;
        },
    };
}
