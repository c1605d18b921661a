using System.Globalization;
using System.Xml.Linq;
using NotebookRunner.Execution;

namespace NotebookRunner.Reporting;

/// <summary>
/// JUnit XML, one testcase per notebook. A failing notebook's failure names the cell (index, id, first source
/// line) and the error, with the traceback as the body. Failed cells are <c>failure</c>s; timeouts, crashes,
/// unreadable notebooks and restore failures are <c>error</c>s, so CI can tell a broken lesson from a broken run.
/// A passing notebook with cells whose connected kernel was missing says so in a <c>kernels-unavailable</c> property
/// and in its output.
/// </summary>
public static class JUnitReport
{
    /// <summary>Renders the report for <paramref name="results"/>.</summary>
    public static XDocument Create(IReadOnlyList<NotebookResult> results, DateTimeOffset timestamp, string suiteName = "notebooks")
    {
        var failures = results.Count(r => r.Status == NotebookStatus.Failed);
        var errors = results.Count(r => r.Status is not (NotebookStatus.Passed or NotebookStatus.Failed));
        var time = Seconds(TimeSpan.FromTicks(results.Sum(r => r.Duration.Ticks)));

        var suite = new XElement("testsuite",
            new XAttribute("name", suiteName),
            new XAttribute("tests", results.Count),
            new XAttribute("failures", failures),
            new XAttribute("errors", errors),
            new XAttribute("skipped", 0),
            new XAttribute("time", time),
            new XAttribute("timestamp", timestamp.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture)),
            new XElement("properties",
                new XElement("property", new XAttribute("name", "runtime"), new XAttribute("value", System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription)),
                new XElement("property", new XAttribute("name", "processors"), new XAttribute("value", Environment.ProcessorCount))),
            results.Select(TestCase));

        return new XDocument(new XDeclaration("1.0", "utf-8", null),
            new XElement("testsuites",
                new XAttribute("name", "nbrun"),
                new XAttribute("tests", results.Count),
                new XAttribute("failures", failures),
                new XAttribute("errors", errors),
                new XAttribute("time", time),
                suite));
    }

    private static XElement TestCase(NotebookResult result)
    {
        var folder = Path.GetDirectoryName(result.Name)?.Replace('\\', '/') ?? "";
        var testCase = new XElement("testcase",
            new XAttribute("classname", folder.Length == 0 ? "notebooks" : "notebooks." + folder.Replace('/', '.')),
            new XAttribute("name", Path.GetFileName(result.Name)),
            new XAttribute("time", Seconds(result.Duration)));

        if (!result.Passed)
        {
            var cell = result.FailedCell;
            var element = result.Status == NotebookStatus.Failed ? "failure" : "error";
            var type = cell?.Error?.Split(':', 2)[0] ?? result.Status.ToString();
            var body = cell?.Traceback is { } traceback ? string.Join("\n", traceback) : result.Failure ?? "";
            testCase.Add(new XElement(element,
                new XAttribute("message", Clean(result.Failure ?? result.Status.ToString())),
                new XAttribute("type", Clean(type)),
                Clean(body)));
        }

        // One testcase per notebook, so cells a missing kernel kept from running are told on the notebook's case:
        // a property CI tools can read, and a line in its output naming the cells.
        var missing = MissingKernelNotes.Kernels(result);
        if (missing.Count > 0)
            testCase.AddFirst(new XElement("properties",
                new XElement("property", new XAttribute("name", "kernels-unavailable"), new XAttribute("value", string.Join(",", missing)))));
        var summary = string.Join(", ", result.Cells.GroupBy(c => c.Status).OrderBy(g => g.Key).Select(g => $"{g.Count()} {Describe(g.Key)}"));
        var warnings = string.Concat(result.Warnings.Select(w => $"\nwarning: {w}"));
        var notRun = MissingKernelNotes.Note(result) is { } note
            ? $"\n{note} ({string.Join(", ", result.UnavailableCells.Select(c => c.Describe()))})"
            : "";
        var retried = ResultNotes.RetryNote(result) is { } retry ? $"\n{retry}" : "";
        testCase.Add(new XElement("system-out", Clean($"cells: {summary}{notRun}{retried}\nkernel: {result.Kernel ?? "none started"}{warnings}")));
        return testCase;
    }

    /// <summary>Lower-case words for a cell status, as reports print it.</summary>
    public static string Describe(CellStatus status) => status switch
    {
        CellStatus.AllowedError => "allowed error",
        CellStatus.NotRun => "not run",
        CellStatus.TimedOut => "timed out",
        CellStatus.Unavailable => "not run for want of a kernel",
        _ => status.ToString().ToLowerInvariant(),
    };

    private static string Seconds(TimeSpan duration) => duration.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);

    // XML 1.0 cannot carry most control characters; tracebacks sometimes hold them (ANSI colour codes).
    private static string Clean(string text) =>
        new(text.Where(c => c is '\n' or '\r' or '\t' || (c >= 0x20 && c != 0xFFFE && c != 0xFFFF)).ToArray());
}
