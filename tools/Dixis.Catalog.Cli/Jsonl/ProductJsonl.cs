using System.Runtime.CompilerServices;
using Dixis.Catalog.Loading;
using Dixis.Contracts.Catalog.V1;
using Google.Protobuf;

namespace Dixis.Catalog.Cli.Jsonl;

/// <summary>
/// Import rows as JSON Lines: one <c>ImportProductsRequest</c> per line in proto3 JSON (Google.Protobuf's
/// <see cref="JsonFormatter"/>), carrying only <c>product</c>. Request id, mode and validate-only belong to the whole
/// import and come from the command line, so a line that sets them is refused rather than half-obeyed.
/// </summary>
public static class ProductJsonl
{
    private const int ProgressEvery = 1_000;
    private static readonly JsonFormatter Formatter = new(JsonFormatter.Settings.Default);
    private static readonly JsonParser Parser = new(JsonParser.Settings.Default);

    /// <returns>The number of rows written.</returns>
    public static async Task<long> WriteAsync(IEnumerable<Product> products, TextWriter writer, long? total, IProgress<LoadProgress>? progress, CancellationToken cancellationToken)
    {
        long written = 0;
        foreach (var product in products)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await writer.WriteLineAsync(Formatter.Format(new ImportProductsRequest { Product = product }).AsMemory(), cancellationToken);
            if (++written % ProgressEvery == 0)
            {
                progress?.Report(new LoadProgress("generate", written, total, "rows"));
            }
        }

        progress?.Report(new LoadProgress("generate", written, total ?? written, "rows"));
        return written;
    }

    /// <summary>The products of every non-blank line, read as the sequence is.</summary>
    /// <exception cref="JsonlFormatException">A line is not JSON, not an import row, or sets a field of the whole import.</exception>
    public static async IAsyncEnumerable<Product> ReadAsync(TextReader reader, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        long number = 0;
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            yield return Parse(line, number);
        }
    }

    /// <summary>Lines in <paramref name="file"/>, counted fast (newline bytes), for the progress bar and the deadline.</summary>
    public static async Task<long> CountLinesAsync(FileInfo file, CancellationToken cancellationToken)
    {
        await using var stream = new FileStream(file.FullName, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true);
        var buffer = new byte[1 << 16];
        long lines = 0;
        var endsWithNewline = true;
        int read;
        while ((read = await stream.ReadAsync(buffer, cancellationToken)) > 0)
        {
            lines += buffer.AsSpan(0, read).Count((byte)'\n');
            endsWithNewline = buffer[read - 1] == '\n';
        }

        return endsWithNewline ? lines : lines + 1;
    }

    private static Product Parse(string line, long number)
    {
        ImportProductsRequest row;
        try
        {
            row = Parser.Parse<ImportProductsRequest>(line);
        }
        catch (InvalidProtocolBufferException error)
        {
            throw new JsonlFormatException(number, $"not an ImportProductsRequest: {error.Message}", error);
        }
        catch (InvalidJsonException error)
        {
            throw new JsonlFormatException(number, $"not valid JSON: {error.Message}", error);
        }

        if (row.RequestId.Length > 0 || row.Mode != ImportMode.Unspecified || row.ValidateOnly)
        {
            throw new JsonlFormatException(number, "sets requestId, mode or validateOnly, which belong to the whole import: give them as --request-id, --mode and --validate-only.");
        }

        return row.Product ?? throw new JsonlFormatException(number, "has no product.");
    }
}
