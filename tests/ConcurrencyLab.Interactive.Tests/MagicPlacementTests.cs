namespace ConcurrencyLab.Interactive.Tests;

/// <summary>Magic commands in the wrong place or with bad options: a clear error, and none of the cell's code runs.</summary>
public sealed class MagicPlacementTests : IDisposable
{
    private readonly InProcessKernel _kernel = new();

    public MagicPlacementTests() => _kernel.RunAsync("var ran = 0;").GetAwaiter().GetResult().AssertSucceeded();

    public void Dispose() => _kernel.Dispose();

    private async Task AssertFailsWithoutRunning(string cell, string expectedMessage, string? kernelName = null)
    {
        var run = await _kernel.RunAsync(cell, kernelName);

        Assert.True(run.Failed, run.Describe());
        Assert.Contains(expectedMessage, run.FailureMessage);
        Assert.Empty(run.Displays);
        Assert.Equal(0, (await _kernel.RunAsync("ran")).ReturnValue);
    }

    [Theory]
    [InlineData("#!measure")]
    [InlineData("#!timeline")]
    [InlineData("#!sample")]
    public Task A_magic_in_a_cell_of_another_kernel_names_that_kernel(string magic) =>
        AssertFailsWithoutRunning($"{magic}\n1 + 1", "works in C# cells, but this cell runs in the 'value' kernel", kernelName: "value");

    [Theory]
    [InlineData("#!measure")]
    [InlineData("#!timeline")]
    [InlineData("#!sample")]
    public Task A_magic_with_nothing_after_it_says_so(string magic) =>
        AssertFailsWithoutRunning($"{magic}\n\n// only a comment\n", $"{magic} has nothing to run");

    [Fact]
    public Task An_unknown_option_is_named_by_the_kernel() =>
        AssertFailsWithoutRunning("#!measure --repeats 3\nran++;", "Unrecognized parameter name '--repeats'");

    [Theory]
    [InlineData("--budget -1s", "#!measure --budget: '-1s' is not a positive duration")]
    [InlineData("--budget 0s", "#!measure --budget: '0s' is not a positive duration")]
    [InlineData("--budget soon", "#!measure --budget: 'soon' is not a positive duration")]
    [InlineData("--budget", "#!measure --budget needs a value")]
    [InlineData("--variable 2fast", "#!measure --variable: '2fast' is not a valid C# variable name")]
    [InlineData("--compare nothing", "#!measure --compare: no earlier cell was measured with --name nothing")]
    public Task A_bad_measure_option_is_named_and_nothing_is_measured(string options, string message) =>
        AssertFailsWithoutRunning($"#!measure {options}\nran++;", message);

    [Theory]
    [InlineData("--runtime-events maybe", "#!timeline --runtime-events: 'maybe' is neither on nor off")]
    [InlineData("--perfetto /no/such/folder/t.json", "#!timeline --perfetto: the folder '/no/such/folder' of '/no/such/folder/t.json' does not exist")]
    [InlineData("--variable class", "#!timeline --variable: 'class' is not a valid C# variable name")]
    public Task A_bad_timeline_option_is_named_and_nothing_is_recorded(string options, string message) =>
        AssertFailsWithoutRunning($"#!timeline {options}\nran++;", message);

    [Fact]
    public Task A_bad_sample_interval_is_named() =>
        AssertFailsWithoutRunning("#!sample --interval -5ms\nran++;", "#!sample --interval: '-5ms' is not a positive duration");

    [Fact]
    public Task Code_above_the_magic_does_not_run() =>
        AssertFailsWithoutRunning("ran++;\n#!measure\nran++;", "#!measure must be the first line of its cell: line 1 has code before it");

    [Fact]
    public Task Another_magic_after_it_is_named() =>
        AssertFailsWithoutRunning("#!timeline\nran++;\n#!sample\nran++;", "line 3 has the magic command '#!sample'");

    [Fact]
    public Task A_measured_cell_cannot_declare_a_type() =>
        AssertFailsWithoutRunning("#!measure\nran++;\nclass Probe { }", "line 3 cannot declare the type 'Probe' here: declare it in an earlier cell");

    [Fact]
    public Task A_measured_cell_cannot_load_a_package() =>
        AssertFailsWithoutRunning("#!measure\n#r \"nuget: Humanizer, 2.14.1\"\nran++;", "line 2 loads a package or assembly");

    [Fact]
    public async Task A_csharp_kernel_selector_above_the_magic_is_fine()
    {
        (await _kernel.RunAsync("#!csharp\n#!timeline --runtime-events off\nran++;")).AssertSucceeded();

        Assert.Equal(1, (await _kernel.RunAsync("ran")).ReturnValue);
    }

    [Fact]
    public async Task Loading_twice_changes_nothing()
    {
        ConcurrencyLabExtension.Load(_kernel.Root);

        (await _kernel.RunAsync("#!timeline --runtime-events off\nran++;")).AssertSucceeded();
        Assert.Equal(1, (await _kernel.RunAsync("ran")).ReturnValue);
    }
}
