using NotebookRunner.Documents;
using NotebookRunner.Execution;

namespace Notebooks.Tests;

/// <summary>
/// Every notebook in notebooks/ is a test, found when tests are discovered: a new notebook is a new test with
/// no code change. Each runs through the engine in its own worker process, exactly as `nbrun run` runs it;
/// the committed file is only read, never rewritten.
/// </summary>
public sealed class NotebookTests
{
    public static TheoryData<string> Notebooks()
    {
        var data = new TheoryData<string>();
        foreach (var job in NotebookDiscovery.Find([RepositoryPaths.NotebooksFolder])) data.Add(job.Name);
        return data;
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public async Task Notebook_runs_top_to_bottom(string notebook)
    {
        var path = Path.Combine(RepositoryPaths.NotebooksFolder, notebook);
        var before = await File.ReadAllBytesAsync(path, TestContext.Current.CancellationToken);

        var result = await new NotebookExecution(path, notebook, new RunOptions()).RunAsync(TestContext.Current.CancellationToken);

        Assert.True(result.Passed, Explain(result));
        Assert.Equal(before, await File.ReadAllBytesAsync(path, TestContext.Current.CancellationToken));
        // What nbrun would write must read back as the same notebook.
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
