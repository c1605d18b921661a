using NotebookRunner.Documents;
using NotebookRunner.Execution;
using NotebookRunner.Reporting;

namespace Notebooks.Tests;

/// <summary>
/// Every notebook in notebooks/ is a test, found when tests are discovered: a new notebook is a new test with
/// no code change. The series runs once in the real dotnet-interactive kernel (see <see cref="SeriesRun"/>);
/// the committed files are only read, never rewritten.
/// </summary>
public sealed class NotebookTests(SeriesRun series) : IClassFixture<SeriesRun>
{
    public static TheoryData<string> Notebooks()
    {
        var data = new TheoryData<string>();
        foreach (var job in SeriesRun.Jobs) data.Add(job.Name);
        return data;
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void Notebook_runs_top_to_bottom_in_the_real_kernel(string notebook)
    {
        var path = Path.Combine(RepositoryPaths.NotebooksFolder, notebook);
        var committed = NotebookWriter.Serialize(NotebookReader.Read(path));

        var result = series[notebook];

        Assert.True(result.Passed, Explain(result));
        // Cells of a connected kernel this machine lacks are told, not failed, unless the kernel is required.
        var unavailable = result.UnavailableCells;
        Assert.DoesNotContain(unavailable, c => SeriesRun.Options.RequiredKernels.Contains(c.MissingKernel ?? ""));
        if (unavailable.Count > 0)
            TestContext.Current.TestOutputHelper?.WriteLine(
                $"{MissingKernelNotes.Note(result)} (set {RequiredKernels.EnvironmentVariable} to fail instead): {string.Join("; ", unavailable.Select(c => c.Describe()))}");
        if (ResultNotes.RetryNote(result) is { } retried)
            TestContext.Current.TestOutputHelper?.WriteLine($"retried: {retried}");
        // Warnings are squiggles in VS Code but stderr in Jupyter: a learner must see neither.
        Assert.Empty(result.Warnings);
        Assert.Contains("dotnet-interactive", result.Kernel);
        // The run never rewrites the committed file...
        Assert.Equal(committed, NotebookWriter.Serialize(NotebookReader.Read(path)));
        // ...and what nbrun would write reads back as the same notebook.
        var written = NotebookWriter.Serialize(result.Executed!);
        Assert.Equal(written, NotebookWriter.Serialize(NotebookReader.Parse(written, notebook)));
    }

    private static string Explain(NotebookResult result)
    {
        var cell = result.FailedCell;
        var traceback = cell?.Traceback is { } lines ? "\n" + string.Join("\n", lines.Take(30)) : "";
        return $"{result.Name} {result.Status}: {result.Failure}{traceback}";
    }
}
