using Lucene.Net.Store;

namespace Dixis.Catalog.Search.Lucene;

/// <summary>
/// An index folder as Lucene reads and writes it. Not <c>FSDirectory.Open</c>, which picks <c>MMapDirectory</c> on
/// 64-bit Linux and Windows: in Lucene.Net 4.8 beta00017 every clone of a memory-mapped input (several per term and
/// segment in every search) is registered in a <c>ConditionalWeakTable</c>, and the garbage collector's work on those
/// entries grows with the number of segments: on a 100,000-product index of ten segments, GC pauses took half of
/// Catalog's time under search load (the problem reported as apache/lucenenet#1151). <see cref="NIOFSDirectory"/> reads
/// through the OS page cache, so the index's pages no longer count in the process's resident memory; with Lucene's 1 KB
/// reads it cost about a tenth more CPU per search than memory-mapped on one segment and a third less on ten.
/// It reads 4 KB at a time here: a search walks postings and doc values sequentially, so each read system call brings
/// four times as much, ~15 % less CPU per search on 100,000 products (8 KB was no better, and every clone of an input
/// allocates its buffer). Merges keep their own buffer.
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
