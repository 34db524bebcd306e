using Lucene.Net.Store;

namespace Dixis.Catalog.Search.Lucene;

/// <summary>
/// The index folder as Lucene reads and writes it: <see cref="NIOFSDirectory"/> (see <see cref="IndexDirectoryLayout.Open"/>
/// for why not memory-mapped), reading 4 KB at a time instead of Lucene's 1 KB. A search walks postings and doc values
/// sequentially, so each read system call then brings four times as much: on 100,000 products, ~15 % less CPU per search
/// than 1 KB reads (8 KB was no better, and every clone of an input allocates its buffer). Merges keep their own buffer.
/// </summary>
internal sealed class IndexFolderDirectory(string path) : NIOFSDirectory(path)
{
    private const int ReadBufferSize = 4096;

    public override IndexInput OpenInput(string name, IOContext context)
    {
        var input = base.OpenInput(name, context);
        if (input is BufferedIndexInput buffered && context.Context != IOContext.UsageContext.MERGE)
        {
            buffered.SetBufferSize(ReadBufferSize);
        }

        return input;
    }
}
