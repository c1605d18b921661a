using ConcurrencyLab.Interactive.Display;
using ConcurrencyLab.Measurement;
using ConcurrencyLab.Rendering;

namespace ConcurrencyLab.Interactive.Tests;

public sealed class MeasureMagicTests : IDisposable
{
    private readonly InProcessKernel _kernel = new();

    public void Dispose() => _kernel.Dispose();

    [Fact]
    public async Task A_sleep_of_30_ms_is_calibrated_to_10_loops_and_runs_the_7_repeats()
    {
        // %timeit's rules on a workload whose length the machine cannot shorten: one call (≥ 30 ms) is under the
        // 0.2 s repeat time, ten are over it, and a 60 s budget leaves room for all 7 repeats however loaded the box is.
        var run = (await _kernel.RunAsync("#!measure --budget 60s --name sleep\nSystem.Threading.Thread.Sleep(30);")).AssertSucceeded();

        var result = run.Displayed<TimingResult>();
        Assert.Equal("sleep", result.Name);
        Assert.Equal(10, result.Loops);
        Assert.Equal(7, result.Repeats);
        Assert.Empty(result.BudgetNotes);
    }

    [Fact]
    public async Task The_result_is_shown_with_the_four_mime_types_of_the_library()
    {
        var run = (await _kernel.RunAsync("#!measure --budget 1s\nvar total = 0; for (var i = 0; i < 100; i++) total += i;")).AssertSucceeded();

        var display = Assert.Single(run.Displays);
        Assert.IsType<TimingResult>(display.Value);
        Assert.Equal(ChartMimeTypes.Preferred, display.FormattedValues.Select(v => v.MimeType));
        Assert.Contains("per loop", display.FormattedValues.Single(v => v.MimeType == "text/plain").Value);
    }

    [Fact]
    public async Task The_repeats_call_the_cells_code_as_a_delegate()
    {
        // Every call of the delegate increments a counter of an earlier cell.
        await _kernel.RunAsync("var calls = 0L;");
        var run = (await _kernel.RunAsync("#!measure --budget 1s --variable r\ncalls++;")).AssertSucceeded();
        var result = run.Displayed<TimingResult>();

        var calls = (long)(await _kernel.RunAsync("calls")).AssertSucceeded().ReturnValue!;
        Assert.True(calls >= result.Operations, $"{calls} calls for {result.Operations} timed operations");
    }

    [Fact]
    public async Task A_budget_note_names_the_magics_budget_option()
    {
        // 7 repeats of at least 0.2 s cannot fit in 0.2 s: the budget always cuts them, whatever the load.
        var run = (await _kernel.RunAsync("#!measure --budget 0.2s\nMath.Sqrt(5)")).AssertSucceeded();

        var text = run.Displays.Single().FormattedValues.Single(v => v.MimeType == "text/plain").Value;
        Assert.Contains("a larger --budget gives steadier numbers", text);
        Assert.DoesNotContain("MeasureOptions.Budget", text);
    }

    [Fact]
    public async Task What_the_measured_code_prints_belongs_to_an_ordinary_submission_of_the_cell()
    {
        // Front ends and runners know SubmitCode; they need not know the magic's own command type.
        var run = (await _kernel.RunAsync("#!measure --budget 0.2s\nConsole.Write(\"\");\nConsole.Write(\"x\");")).AssertSucceeded();

        var outputs = run.Events.OfType<Microsoft.DotNet.Interactive.Events.StandardOutputValueProduced>().ToList();
        Assert.NotEmpty(outputs);
        Assert.All(outputs, o => Assert.IsType<Microsoft.DotNet.Interactive.Commands.SubmitCode>(o.Command));
    }

    [Fact]
    public async Task The_variable_keeps_the_result_for_later_cells()
    {
        (await _kernel.RunAsync("#!measure --budget 1s --variable timing\nMath.Sqrt(2)")).AssertSucceeded();

        var repeats = (await _kernel.RunAsync("timing.Repeats")).AssertSucceeded().ReturnValue;
        Assert.IsType<int>(repeats);
        Assert.InRange((int)repeats!, 1, 7);
    }

    [Fact]
    public async Task A_trailing_void_call_is_timed_as_a_statement_and_a_trailing_value_is_kept()
    {
        (await _kernel.RunAsync("#!measure --budget 1s\nSystem.Threading.Thread.SpinWait(10)")).AssertSucceeded();
        var withValue = (await _kernel.RunAsync("#!measure --budget 1s\nnew byte[100]")).AssertSucceeded();

        // The array is the lambda's result, so it is allocated on every call: 100 bytes plus the array header.
        Assert.True(withValue.Displayed<TimingResult>().Allocated >= 100);
    }

    [Fact]
    public async Task A_cell_that_awaits_is_timed_as_async_code()
    {
        var run = (await _kernel.RunAsync("#!measure --budget 1s\nawait Task.Yield();")).AssertSucceeded();

        Assert.True(run.Displayed<TimingResult>().IsAsync);
    }

    [Fact]
    public async Task The_kernels_Debug_compilation_is_reported()
    {
        var run = (await _kernel.RunAsync("#!measure --budget 1s\nMath.Sqrt(3)")).AssertSucceeded();

        var result = run.Displayed<TimingResult>();
        Assert.False(result.IsOptimized); // the C# kernel compiles cells without optimisations
        Assert.Contains(result.Warnings, w => w.Contains("Debug", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Compare_shows_the_ratio_to_an_earlier_named_cell_with_its_uncertainty()
    {
        (await _kernel.RunAsync("#!measure --budget 2s --name short\nSystem.Threading.Thread.Sleep(5);")).AssertSucceeded();
        var run = (await _kernel.RunAsync("#!measure --budget 2s --name long --compare short\nSystem.Threading.Thread.Sleep(20);")).AssertSucceeded();

        var comparison = run.Displayed<CellComparison>();
        Assert.Equal("short", comparison.Baseline.Name);
        Assert.Equal("long", comparison.Measured.Name);
        Assert.Equal(comparison.Measured.Mean / comparison.Baseline.Mean, comparison.Ratio, 12);
        Assert.True(double.IsFinite(comparison.RatioStdDev));
        // The same verdict a Measure.Compare table gives ("… slower", "no measurable difference", …).
        Assert.Equal(new ComparisonEntry(comparison.Measured, comparison.Baseline).Verdict, comparison.Entry.Verdict);
        Assert.Contains(comparison.Entry.Verdict, comparison.Summary);
        Assert.Equal(ChartMimeTypes.Preferred, run.Displays.Last().FormattedValues.Select(v => v.MimeType));
    }

    [Fact]
    public async Task A_compile_error_points_at_the_cells_own_line_and_nothing_is_timed()
    {
        var run = await _kernel.RunAsync("#!measure\nvar ok = 1;\nint x = \"s\";");

        Assert.True(run.Failed);
        Assert.StartsWith("(3,9): error CS0029", run.FailureMessage);
        Assert.Empty(run.Displays);
    }

    [Fact]
    public async Task An_exception_in_the_measured_code_fails_the_cell_with_it()
    {
        var run = await _kernel.RunAsync("#!measure --budget 1s\nthrow new InvalidOperationException(\"broken workload\");");

        Assert.True(run.Failed);
        Assert.Contains("broken workload", run.FailureMessage);
    }

    [Fact]
    public async Task Usings_and_local_functions_of_the_cell_work_inside_the_measurement()
    {
        var code = "#!measure --budget 1s\nusing System.Text;\nstatic int Twice(int x) => 2 * x;\nnew StringBuilder().Append(Twice(21)).ToString()";

        (await _kernel.RunAsync(code)).AssertSucceeded();
    }
}
