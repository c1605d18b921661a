using ConcurrencyLab.Measurement;

namespace ConcurrencyLab.Tests.Measurement;

/// <summary>BenchmarkDotNet's columns per operation, on workloads whose counts are known.</summary>
[Collection(RuntimeCountersCollection.Name)]
public sealed class CounterTests
{
    // 20 µs of fake time per call: 10,000 loops per repeat, 70,000 timed operations.
    private const double FakeCostPerCall = 20_000;

    [Fact]
    public void Allocated_is_the_bytes_of_one_known_allocation_per_operation()
    {
        var clock = new FakeClock();
        object? keep = null;
        var r = Measure.Time(() => { keep = new byte[1000]; clock.Advance(FakeCostPerCall); }, clock.Options());
        GC.KeepAlive(keep);

        // A byte[1000] on a 64-bit runtime: 8 B header + 8 B method table + 8 B length, 1000 B data = 1024 B.
        int expected = IntPtr.Size == 8 ? 1024 : 1012;
        Assert.Equal(70_000, r.Operations);
        Assert.InRange(r.Allocated, expected, expected + 8); // + 8: stray allocations of other threads over 70,000 ops
        Assert.Equal(0, r.Gen2); // the forced GCs between repeats are not counted
    }

    [Fact]
    public void Allocated_counts_a_returned_allocation_without_boxing_overhead()
    {
        var clock = new FakeClock();
        var r = Measure.Time(() => { clock.Advance(FakeCostPerCall); return new byte[1000]; }, clock.Options());

        int expected = IntPtr.Size == 8 ? 1024 : 1012;
        Assert.InRange(r.Allocated, expected, expected + 8);
    }

    [Fact]
    public void A_returned_value_type_is_not_boxed()
    {
        var clock = new FakeClock();
        var r = Measure.Time(() => { clock.Advance(FakeCostPerCall); return 42L; }, clock.Options());

        Assert.InRange(r.Allocated, 0, 0.5);
    }

    [Fact]
    public void No_allocation_reports_zero_and_a_dash()
    {
        var clock = new FakeClock();
        int n = 0;
        var r = Measure.Time(() => { n++; clock.Advance(FakeCostPerCall); }, clock.Options());

        Assert.InRange(r.Allocated, 0, 0.5);
        Assert.Contains("Allocated - |", r.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Gen0_collections_are_counted_per_thousand_operations()
    {
        var clock = new FakeClock();
        // Each operation forces one gen-0 collection: exactly 1,000 per 1,000 operations.
        var r = Measure.Time(() => { GC.Collect(0, GCCollectionMode.Forced, blocking: true); clock.Advance(100_000); },
            clock.Options() with { Loops = 100 });

        Assert.InRange(r.Gen0, 1000, 1000.5);
        Assert.Equal(0, r.Gen2);
    }

    [Fact]
    public void Completed_work_items_count_the_items_each_operation_queued()
    {
        const int ItemsPerOp = 10;
        var clock = new FakeClock();
        var r = Measure.Time(() =>
        {
            KnownWork.QueueAndAwait(ItemsPerOp);
            clock.Advance(1_000_000);
        }, clock.Options() with { Loops = 20 });

        Assert.Equal(140, r.Operations);
        Assert.InRange(r.CompletedWorkItems, ItemsPerOp, ItemsPerOp + 0.5);
    }

    [Fact]
    public void Lock_contentions_count_each_contended_enter()
    {
        var clock = new FakeClock();
        var gate = new object();
        var r = Measure.Time(() =>
        {
            KnownWork.ContendOnce(gate, body =>
            {
                var waiter = new Thread(() => body());
                waiter.Start();
                return waiter.Join;
            });
            clock.Advance(1_000_000);
        }, clock.Options() with { Loops = 5 });

        Assert.Equal(35, r.Operations);
        Assert.InRange(r.LockContentions, 1, 1.2);
    }

    [Fact]
    public void Uncontended_locks_count_no_contention()
    {
        var clock = new FakeClock();
        var gate = new object();
        int n = 0;
        var r = Measure.Time(() => { lock (gate) n++; clock.Advance(FakeCostPerCall); }, clock.Options());

        Assert.Equal(0, r.LockContentions);
    }
}
