namespace Measurement.Accuracy;

/// <summary>
/// The five reference workloads, from tens of nanoseconds to tens of milliseconds. Each stores its result in a
/// static field so the JIT cannot drop the work; both harnesses call exactly these methods.
/// </summary>
public static class Workloads
{
    private static readonly int[] Unsorted = Enumerable.Range(0, 256).Select(i => (i * 7919) % 256).ToArray();
    private static readonly object Gate = new();
    private static ulong _state = 88172645463325252UL;
    private static long _sink;
    private static long _counter;

    /// <summary>Tens of ns: 32 rounds of xorshift on a static state.</summary>
    public static void Mix32() => _sink = (long)Mix(32);

    /// <summary>A few µs and 1 KB allocated: copy and sort 256 ints.</summary>
    public static void SortCopy256()
    {
        var copy = (int[])Unsorted.Clone();
        Array.Sort(copy);
        _sink = copy[^1];
    }

    /// <summary>Tens of µs and ~70 KB allocated: fill a 1,000-entry dictionary.</summary>
    public static void BuildDictionary1000()
    {
        var d = new Dictionary<int, int>();
        for (int i = 0; i < 1000; i++) d[i * 31] = i;
        _sink = d.Count;
    }

    /// <summary>About a millisecond of lock contention: two pool threads each take one lock 20,000 times.</summary>
    public static void ContendedLock2x20000()
    {
        static void Work()
        {
            for (int i = 0; i < 20_000; i++)
                lock (Gate) _counter++;
        }
        Task.WaitAll(Task.Run(Work), Task.Run(Work));
        _sink = _counter;
    }

    /// <summary>Tens of ms: 16 million xorshift rounds.</summary>
    public static void Mix16M() => _sink = (long)Mix(16_000_000);

    private static ulong Mix(int rounds)
    {
        ulong x = _state;
        for (int i = 0; i < rounds; i++)
        {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
        }
        _state = x;
        return x;
    }
}
