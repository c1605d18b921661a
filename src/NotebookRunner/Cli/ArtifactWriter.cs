using NotebookRunner.Documents;
using NotebookRunner.Execution;
using NotebookRunner.Reporting;

namespace NotebookRunner.Cli;

/// <summary>
/// Writes what a run produces: each executed notebook as soon as it finishes (atomically, so an interrupted
/// run never leaves a half-written file), its HTML page, and at the end the HTML index and the JUnit report.
/// </summary>
internal sealed class ArtifactWriter(RunSettings settings)
{
    private readonly List<ReportEntry> _entries = [];
    private readonly List<string> _written = [];
    private readonly Lock _gate = new();

    public IReadOnlyList<string> Written { get { lock (_gate) return [.. _written]; } }

    public Task WriteNotebookAsync(NotebookResult result)
    {
        if (result.Executed is not { } executed) return Task.CompletedTask;

        // A .dib input is written as the .ipynb Polyglot would save, next to it or under the output folder.
        var target = settings.InPlace ? NotebookFiles.ExecutedPath(result.InputPath)
            : settings.OutputDirectory is { } folder ? Path.Combine(folder, NotebookFiles.ExecutedPath(result.Name)) : null;
        if (target is not null)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(target))!);
            NotebookWriter.WriteAtomic(executed, target);
            Record(target);
        }

        if (settings.HtmlDirectory is { } html)
        {
            var entry = Entry(result);
            Directory.CreateDirectory(html);
            var page = Path.Combine(html, entry.HtmlFileName);
            AtomicFile.WriteAllText(page, HtmlReportWriter.RenderNotebook(executed, result.Name, entry));
            lock (_gate) _entries.Add(entry);
        }
        return Task.CompletedTask;
    }

    public Task WriteSummaryAsync(IReadOnlyList<NotebookResult> results, DateTimeOffset started)
    {
        if (settings.HtmlDirectory is { } html)
        {
            List<ReportEntry> entries;
            lock (_gate) entries = [.. _entries.OrderBy(e => e.NotebookName, StringComparer.Ordinal)];
            var index = Path.Combine(html, "index.html");
            var environment = EnvironmentSummary(results);
            AtomicFile.WriteAllText(index, HtmlReportWriter.RenderIndex(entries, "Notebook run", started, environment));
            Record(index);
        }
        if (settings.JUnitPath is { } junit)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(junit))!);
            var report = JUnitReport.Create(results, started);
            AtomicFile.WriteAllText(junit, $"{report.Declaration}\n{report.Root}\n");
            Record(junit);
        }
        return Task.CompletedTask;
    }

    /// <summary>One line about where the run happened, for the report.</summary>
    public static string EnvironmentSummary(IReadOnlyList<NotebookResult> results)
    {
        var kernel = results.Select(r => r.Kernel).FirstOrDefault(k => k is not null) ?? "no kernel started";
        return $"{kernel}, {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription} on {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, {Environment.ProcessorCount} processors";
    }

    private static ReportEntry Entry(NotebookResult result) => new(
        result.Name,
        Path.ChangeExtension(result.Name.Replace('/', '_').Replace('\\', '_'), ".html"),
        StatusWord(result.Status),
        result.Duration,
        result.CellsRun,
        result.Cells.Count,
        result.Failure,
        ResultNotes.Note(result));

    /// <summary>The status words the report and the terminal use.</summary>
    public static string StatusWord(NotebookStatus status) => status switch
    {
        NotebookStatus.Passed => "passed",
        NotebookStatus.TimedOut => "timed out",
        NotebookStatus.Crashed => "crashed",
        _ => "failed",
    };

    private void Record(string path) { lock (_gate) _written.Add(path); }
}
