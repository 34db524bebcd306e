namespace Dixis.Catalog.DemoData;

/// <summary>
/// A SplitMix64 generator seeded from (seed, stream). <see cref="Random"/> is not used because its seeded sequence
/// may change between .NET versions; demo data must be the same on every machine and release, and every product
/// gets its own stream so that product <c>n</c> does not depend on how many came before it.
/// </summary>
internal sealed class DemoRandom(int seed, long stream)
{
    private ulong state = Mix(((ulong)(uint)seed << 32) ^ (ulong)stream ^ 0x9E3779B97F4A7C15UL);

    public ulong NextUInt64()
    {
        state += 0x9E3779B97F4A7C15UL;
        return Mix(state);
    }

    /// <summary>A whole number from 0 up to, not including, <paramref name="maxExclusive"/>.</summary>
    public int Next(int maxExclusive)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxExclusive);
        return (int)(NextUInt64() % (ulong)maxExclusive);
    }

    /// <summary>A whole number from <paramref name="min"/> to <paramref name="max"/>, both included.</summary>
    public int Between(int min, int max) => min + Next(max - min + 1);

    /// <summary>A number in [0, 1).</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    public bool Chance(double probability) => NextDouble() < probability;

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
