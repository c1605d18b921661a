using ConcurrencyLab.Measurement;

namespace ConcurrencyLab.Tests.Measurement;

[Collection(RuntimeCountersCollection.Name)]
public sealed class SamplingTests
{
    [Fact]
    public void Samples_from_start_to_end_and_counts_the_work_items_the_code_completed()
    {
        const int Items = 50;
        var s = Measure.Sample(() => KnownWork.QueueAndAwait(Items),
            options: new MeasureOptions { Budget = TimeSpan.FromSeconds(60) });

        Assert.True(s.Samples.Count >= 2);
        Assert.Equal(TimeSpan.Zero, s.Samples[0].Time);
        Assert.Equal(0, s.Samples[0].CompletedWorkItems);
        Assert.True(s.CompletedWorkItems >= Items, $"completed {s.CompletedWorkItems}");
        Assert.True(s.MaxThreadCount >= 1);
        Assert.True(s.MaxHeapBytes > 0);
        Assert.False(s.BudgetCut);
        Assert.Equal(s.Samples.OrderBy(x => x.Time).Select(x => x.Time), s.Samples.Select(x => x.Time));
        Assert.True(s.Samples[^1].Time <= s.Duration);
    }

    [Fact]
    public async Task Async_code_is_sampled_until_its_task_completes()
    {
        var gate = new object();
        var s = await Measure.SampleAsync(() => Task.Run(() =>
            KnownWork.ContendOnce(gate, body =>
            {
                var waiter = Task.Factory.StartNew(body, TaskCreationOptions.LongRunning);
                return waiter.Wait;
            })), TimeSpan.FromMilliseconds(1), new MeasureOptions { Budget = TimeSpan.FromSeconds(60) });

        Assert.True(s.LockContentions >= 1);
        Assert.False(s.BudgetCut);
    }

    [Fact]
    public void Sampling_stops_at_the_budget_and_says_so()
    {
        var clock = new FakeClock();
        var s = Measure.Sample(() =>
        {
            clock.AdvanceSeconds(3); // past the 2 s budget: the sampler stops at its next tick
            SpinWait.SpinUntil(() => false, TimeSpan.FromMilliseconds(200));
        }, TimeSpan.FromMilliseconds(1), clock.Options());

        Assert.True(s.BudgetCut);
        // Fake time is 0 until the code jumps it to 3 s; no sample may be taken after that.
        Assert.All(s.Samples, x => Assert.Equal(TimeSpan.Zero, x.Time));
        Assert.Equal(TimeSpan.FromSeconds(3), s.Duration);
        Assert.Contains("warning: sampling stopped at the 2 s budget", s.ToPlainText(), StringComparison.Ordinal);
    }

    [Fact]
    public void Exceptions_from_the_code_propagate_and_stop_the_sampler()
    {
        Assert.Throws<InvalidOperationException>(() => Measure.Sample(() => throw new InvalidOperationException()));
        Assert.Equal("interval", Assert.Throws<ArgumentOutOfRangeException>(() => Measure.Sample(() => { }, TimeSpan.Zero)).ParamName);
    }
}
