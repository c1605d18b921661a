using NotebookRunner.Execution;

namespace Notebooks.Tests;

/// <summary>
/// Runs the whole series once, the way `nbrun run notebooks` does (as many at once as there are cores, kernels
/// started ahead), so the per-notebook tests can each report their own notebook without running it serially.
/// </summary>
public sealed class SeriesRun : IAsyncLifetime
{
    private IReadOnlyDictionary<string, NotebookResult> _results = new Dictionary<string, NotebookResult>();

    /// <summary>The notebooks, as <see cref="NotebookDiscovery"/> finds them in notebooks/.</summary>
    public static IReadOnlyList<NotebookJob> Jobs { get; } = NotebookDiscovery.Find([RepositoryPaths.NotebooksFolder]);

    /// <summary>
    /// The run's options, as <c>nbrun run notebooks</c> has them: the kernels <c>NBRUN_REQUIRE_KERNEL</c> names are
    /// required (CI sets <c>python</c> where it installs ipykernel), so a missing one fails its notebooks here too.
    /// </summary>
    /// A notebook is retried as <c>NBRUN_RETRIES</c> says (CI: once), and the test reports it.
    public static RunOptions Options { get; } = new() { RequiredKernels = RequiredKernels.FromEnvironment(), Retries = RetryCount.FromEnvironment() };

    /// <summary>The result of <paramref name="name"/>'s run.</summary>
    public NotebookResult this[string name] => _results[name];

    /// <inheritdoc />
    public async ValueTask InitializeAsync()
    {
        var results = await SuiteRunner.RunAsync(Jobs, Options, cancellationToken: TestContext.Current.CancellationToken);
        _results = results.ToDictionary(r => r.Name, StringComparer.Ordinal);
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
