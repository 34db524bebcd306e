using Dixis.Catalog.Cli.Jsonl;
using Dixis.Catalog.Loading;
using Dixis.Contracts.Catalog.V1;
using Google.Protobuf;

namespace Dixis.Catalog.DemoData.Tests.Cli;

public sealed class ProductJsonlTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Generated_products_survive_the_round_trip_one_import_row_per_line()
    {
        var products = new DemoProductGenerator().Generate(300).Select(p => p.Product).ToList();
        var progress = new List<LoadProgress>();
        using var writer = new StringWriter { NewLine = "\n" };

        var written = await ProductJsonl.WriteAsync(products, writer, products.Count, new Recorder(progress), Cancellation);
        var lines = writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var read = await ProductJsonl.ReadAsync(new StringReader(writer.ToString()), Cancellation).ToListAsync(Cancellation);

        Assert.Equal(300, written);
        Assert.Equal(300, lines.Length);
        Assert.Equal(products, read);
        Assert.All(lines, line => Assert.NotNull(JsonParser.Default.Parse<ImportProductsRequest>(line).Product));
        Assert.Equal(new LoadProgress("generate", 300, 300, "rows"), progress[^1]);
    }

    [Fact]
    public async Task Blank_lines_are_skipped()
    {
        var product = new DemoProductGenerator().Create(0).Product;
        var row = JsonFormatter.Default.Format(new ImportProductsRequest { Product = product });

        var read = await ProductJsonl.ReadAsync(new StringReader($"\n{row}\n   \n{row}\n"), Cancellation).ToListAsync(Cancellation);

        Assert.Equal([product, product], read);
    }

    [Theory]
    [InlineData("{ \"product\": { \"slug\": \"ok-1\" } }\n{ not json", 2, "not valid JSON")]
    [InlineData("{ \"slug\": \"a-bare-product\" }", 1, "not an ImportProductsRequest")]
    [InlineData("{ \"product\": { \"slug\": \"x-1\", \"price\": 3 } }", 1, "not an ImportProductsRequest")]
    [InlineData("{ \"requestId\": \"0b0e5a52-6f6a-4c1e-9d1a-2f7d3c1b9e40\", \"product\": { \"slug\": \"x-1\" } }", 1, "belong to the whole import")]
    [InlineData("{ \"mode\": \"IMPORT_MODE_CREATE_ONLY\", \"product\": { \"slug\": \"x-1\" } }", 1, "belong to the whole import")]
    [InlineData("\n\n{}", 3, "has no product")]
    public async Task A_bad_line_is_reported_by_number(string text, long lineNumber, string problem)
    {
        var error = await Assert.ThrowsAsync<JsonlFormatException>(() => ProductJsonl.ReadAsync(new StringReader(text), Cancellation).ToListAsync(Cancellation).AsTask());

        Assert.Equal(lineNumber, error.LineNumber);
        Assert.StartsWith($"line {lineNumber}: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a\nb\nc\n", 3)]
    [InlineData("a\nb\nc", 3)]
    [InlineData("", 0)]
    public async Task Lines_are_counted_with_or_without_a_final_newline(string text, long lines)
    {
        var file = new FileInfo(Path.GetTempFileName());
        try
        {
            await File.WriteAllTextAsync(file.FullName, text, Cancellation);

            Assert.Equal(lines, await ProductJsonl.CountLinesAsync(file, Cancellation));
        }
        finally
        {
            file.Delete();
        }
    }

    /// <summary>Keeps every report, synchronously (Progress&lt;T&gt; would post them to a thread pool).</summary>
    private sealed class Recorder(List<LoadProgress> reports) : IProgress<LoadProgress>
    {
        public void Report(LoadProgress value) => reports.Add(value);
    }
}
