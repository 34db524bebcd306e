using Dixis.Catalog.Cli.CommandLine;
using Dixis.Contracts.Catalog.V1;

namespace Dixis.Catalog.DemoData.Tests.Cli;

public sealed class CatalogCommandLineTests : IDisposable
{
    private readonly string file = Path.GetTempFileName();
    private readonly RecordingCommands commands = new();
    private readonly StringWriter output = new();
    private readonly StringWriter error = new();

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Generate_reads_every_option_and_defaults_seed_and_producers()
    {
        Assert.Equal(0, await RunAsync("generate", "--products", "100000", "--out", file));
        var defaults = Assert.IsType<GenerateArguments>(commands.Received);
        Assert.Equal(new GenerateArguments(100_000, DemoProductGenerator.DefaultSeed, DemoProducers.DefaultCount, defaults.Out), defaults);
        Assert.Equal(file, defaults.Out.FullName);

        Assert.Equal(0, await RunAsync("generate", "--products", "5", "--seed", "-3", "--producers", "80", "--out", file));
        var given = Assert.IsType<GenerateArguments>(commands.Received);
        Assert.Equal((5, -3, 80), (given.Products, given.Seed, given.Producers));
    }

    [Fact]
    public async Task Import_defaults_to_upsert_as_admin_with_a_request_id_made_later()
    {
        Assert.Equal(0, await RunAsync("import", file, "--address", "http://127.0.0.1:5111"));

        var import = Assert.IsType<ImportArguments>(commands.Received);
        Assert.Equal(new Uri("http://127.0.0.1:5111"), import.Address);
        Assert.Equal(ImportMode.Upsert, import.Mode);
        Assert.False(import.ValidateOnly);
        Assert.False(import.DemoIds);
        Assert.Null(import.RequestId);
        Assert.Equal("sub=cli; roles=admin", import.Caller.HeaderValue);
    }

    [Fact]
    public async Task Import_reads_mode_validate_only_request_id_caller_and_demo_ids()
    {
        Assert.Equal(0, await RunAsync(
            "import", file, "--address", "https://catalog.internal:5111", "--mode", "create-only", "--validate-only",
            "--request-id", "0B0E5A52-6F6A-4C1E-9D1A-2F7D3C1B9E40", "--as", "producer:p-7", "--demo-ids"));

        var import = Assert.IsType<ImportArguments>(commands.Received);
        Assert.Equal(ImportMode.CreateOnly, import.Mode);
        Assert.True(import.ValidateOnly);
        Assert.True(import.DemoIds);
        Assert.Equal("0b0e5a52-6f6a-4c1e-9d1a-2f7d3c1b9e40", import.RequestId);
        Assert.Equal("sub=cli; roles=producer; producer_id=p-7", import.Caller.HeaderValue);
    }

    [Fact]
    public async Task Demo_defaults_to_a_thousand_products_from_the_default_producers()
    {
        Assert.Equal(0, await RunAsync("demo", "--address", "http://localhost:5111"));

        Assert.Equal(
            new DemoArguments(new Uri("http://localhost:5111"), CatalogCommandLine.DefaultDemoProducts, DemoProducers.DefaultCount, DemoProductGenerator.DefaultSeed),
            commands.Received);
    }

    [Theory]
    [InlineData("generate --out {file}", "Option '--products' is required.")]
    [InlineData("generate --products 0 --out {file}", "--products must be a whole number from 1 to 1,000,000, not 0.")]
    [InlineData("generate --products 1000001 --out {file}", "--products must be a whole number from 1 to 1,000,000, not 1000001.")]
    [InlineData("generate --products many --out {file}", "--products must be a whole number from 1 to 1,000,000, not many.")]
    [InlineData("generate --products 10", "Option '--out' is required.")]
    [InlineData("generate --products 10 --out /no/such/folder/x.jsonl", "--out: the folder '/no/such/folder' does not exist.")]
    [InlineData("generate --products 10 --producers 0 --out {file}", "--producers must be a whole number from 1 to 10,000, not 0.")]
    [InlineData("import /no/such/file.jsonl --address http://localhost:5111", "FILE.jsonl: '/no/such/file.jsonl' does not exist.")]
    [InlineData("import {file}", "Option '--address' is required.")]
    [InlineData("import {file} --address localhost:5111", "--address must be an absolute http:// or https:// URL such as http://localhost:5111, not 'localhost:5111'.")]
    [InlineData("import {file} --address ftp://host", "--address must be an absolute http:// or https:// URL such as http://localhost:5111, not 'ftp://host'.")]
    [InlineData("import {file} --address http://localhost:5111 --mode merge", "'merge'")]
    [InlineData("import {file} --address http://localhost:5111 --request-id 42", "--request-id must be a UUID such as 0b0e5a52-6f6a-4c1e-9d1a-2f7d3c1b9e40, not '42'.")]
    [InlineData("import {file} --address http://localhost:5111 --as root", "--as: 'root' is not a caller: use 'admin' or 'producer:<id>'.")]
    [InlineData("import {file} --address http://localhost:5111 --as producer:", "--as: 'producer:' names no valid producer id")]
    [InlineData("import {file} --address http://localhost:5111 --as producer:p;roles=admin", "--as: 'producer:p;roles=admin' names no valid producer id")]
    [InlineData("demo --address http://localhost:5111 --products -1", "--products must be a whole number from 0 to 1,000,000, not -1.")]
    [InlineData("demo --address http://localhost:5111 --colour red", "--colour")]
    [InlineData("export --address http://localhost:5111", "export")]
    [InlineData("", "Required command was not provided.")]
    public async Task Bad_arguments_get_a_precise_error_exit_code_2_and_run_nothing(string line, string message)
    {
        var exitCode = await RunAsync([.. line.Replace("{file}", file, StringComparison.Ordinal).Split(' ', StringSplitOptions.RemoveEmptyEntries)]);

        Assert.Equal(ExitCodes.Usage, exitCode);
        Assert.Contains(message, error.ToString(), StringComparison.Ordinal);
        Assert.Contains("--help", error.ToString(), StringComparison.Ordinal);
        Assert.Null(commands.Received);
    }

    [Theory]
    [InlineData("--help", "generate")]
    [InlineData("import --help", "--validate-only")]
    [InlineData("demo -h", "--producers")]
    public async Task Help_is_printed_on_stdout(string line, string expected)
    {
        Assert.Equal(0, await RunAsync(line.Split(' ')));

        Assert.Contains(expected, output.ToString(), StringComparison.Ordinal);
        Assert.Null(commands.Received);
    }

    public void Dispose()
    {
        File.Delete(file);
        output.Dispose();
        error.Dispose();
    }

    private Task<int> RunAsync(params string[] args) => CatalogCommandLine.RunAsync(args, commands, output, error, Cancellation);
}
