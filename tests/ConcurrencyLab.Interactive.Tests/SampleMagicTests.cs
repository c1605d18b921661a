using ConcurrencyLab.Measurement;
using ConcurrencyLab.Rendering;

namespace ConcurrencyLab.Interactive.Tests;

public sealed class SampleMagicTests : IDisposable
{
    private readonly InProcessKernel _kernel = new();

    public void Dispose() => _kernel.Dispose();

    [Fact]
    public async Task The_thread_pool_is_sampled_while_the_cell_runs_and_the_cells_variables_stay()
    {
        var code = """
            #!sample --interval 5ms --budget 30s --variable samples
            var items = 0;
            await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => { System.Threading.Thread.Sleep(20); System.Threading.Interlocked.Increment(ref items); })));
            """;
        var run = (await _kernel.RunAsync(code)).AssertSucceeded();

        var result = run.Displayed<SamplingResult>();
        Assert.Equal(TimeSpan.FromMilliseconds(5), result.Interval);
        Assert.False(result.BudgetCut);
        Assert.True(result.Samples.Count >= 2, $"{result.Samples.Count} samples");
        // The pool counts a work item done just after it returns, so the last sample may miss the last few.
        Assert.True(result.CompletedWorkItems > 0, $"{result.CompletedWorkItems} completed work items");
        Assert.Equal(ChartMimeTypes.Preferred, run.Displays.Single().FormattedValues.Select(v => v.MimeType));
        Assert.Equal(8, (await _kernel.RunAsync("items")).ReturnValue);
        Assert.Equal(result.Samples.Count, (await _kernel.RunAsync("samples.Samples.Count")).ReturnValue);
    }

    [Fact]
    public async Task A_cell_that_throws_shows_its_samples_then_fails()
    {
        var run = await _kernel.RunAsync("#!sample\nSystem.Threading.Thread.Sleep(20);\nthrow new TimeoutException(\"late\");");

        Assert.True(run.Failed);
        Assert.Contains("late", run.FailureMessage);
        Assert.NotEmpty(run.Displayed<SamplingResult>().Samples);
    }
}
