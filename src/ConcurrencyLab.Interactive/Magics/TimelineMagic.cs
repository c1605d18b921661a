using ConcurrencyLab.Interactive.Cells;
using ConcurrencyLab.Timelines;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.CSharp;
using Microsoft.DotNet.Interactive.Directives;

namespace ConcurrencyLab.Interactive.Magics;

/// <summary>
/// <c>#!timeline</c>: records the rest of the cell as a thread timeline and displays it when the cell ends, also when
/// the cell throws or is cancelled. The cell runs as written (its variables stay for later cells).
/// </summary>
internal sealed class TimelineMagic(CSharpKernel csharp)
{
    public const string Name = "#!timeline";

    public static KernelActionDirective Directive() => new(Name, "Records the rest of the cell as a thread timeline (threads it starts, lock contention, thread-pool events, spans) and shows it when the cell ends")
    {
        Parameters =
        {
            new KernelDirectiveParameter("--title", "The chart's title"),
            new KernelDirectiveParameter("--runtime-events", "on (default) or off: the runtime's lock-contention and thread-pool events and samples"),
            new KernelDirectiveParameter("--thread-pool", "on or off: the thread pool's threads and queue sampled as counter lanes (default: as --runtime-events)"),
            new KernelDirectiveParameter("--cell-span", "on (default) or off: a 'cell' span over the cell's own code on its thread"),
            new KernelDirectiveParameter("--auto-spans", "on (default) or off: a span around each lambda given to new Thread, Task.Run, ThreadPool or Parallel"),
            new KernelDirectiveParameter("--perfetto", "A file to save the trace to, for ui.perfetto.dev"),
            new KernelDirectiveParameter("--variable", "A C# variable holding the timeline, in this cell (for spans) and later ones"),
        },
    };

    public Task HandleAsync(TimelineCommand options, KernelInvocationContext context) => CellMagic.RunAsync(Name, context, csharp, async cell =>
    {
        var text = CellText.Locate(Name, cell.Code, allowCompilerReferences: true);
        MagicOptions.RequireValues(Name, cell.Code, new Dictionary<string, string?>
        {
            ["--title"] = options.Title, ["--runtime-events"] = options.RuntimeEvents, ["--thread-pool"] = options.ThreadPool,
            ["--cell-span"] = options.CellSpan, ["--auto-spans"] = options.AutoSpans,
            ["--perfetto"] = options.Perfetto, ["--variable"] = options.Variable,
        });
        var title = MagicOptions.Label(Name, "--title", options.Title) ?? "Thread timeline";
        var runtimeEvents = MagicOptions.OnOff(Name, "--runtime-events", options.RuntimeEvents, fallback: true);
        var threadPool = MagicOptions.OnOff(Name, "--thread-pool", options.ThreadPool, fallback: runtimeEvents);
        var cellSpan = MagicOptions.OnOff(Name, "--cell-span", options.CellSpan, fallback: true);
        var autoSpans = MagicOptions.OnOff(Name, "--auto-spans", options.AutoSpans, fallback: true);
        var perfetto = PerfettoPath(MagicOptions.Label(Name, "--perfetto", options.Perfetto));
        var variable = MagicOptions.VariableName(Name, "--variable", options.Variable);
        var syntax = CellSyntax.Parse(Name, text);

        var recorded = new TimelineCell(new TimelineOptions { CaptureRuntimeEvents = runtimeEvents, SampleThreadPool = threadPool }, title, cellSpan);
        var id = CellRegistry.Add(recorded);
        try
        {
            var begin = $"{(variable is null ? "" : $"var {variable} = ")}global::ConcurrencyLab.Interactive.Cells.CellHooks.BeginTimeline({id});";
            var code = RecordedCellCode.Build(syntax, begin, id, autoSpans);
            // A cancelled cell is reported failed at once, and nothing can be shown after that: show the timeline first.
            using (context.CancellationToken.Register(() => Show(context, recorded, perfetto)))
            {
                var failure = await CellMagic.SubmitAsync(csharp, code);
                Show(context, recorded, perfetto);
                if (failure is not null)
                    CellMagic.Fail(context, failure);
            }
        }
        finally
        {
            CellRegistry.Remove(id);
        }
    });

    private static void Show(KernelInvocationContext context, TimelineCell recorded, string? perfetto)
    {
        if (!recorded.EndForDisplay()) return;
        var timeline = recorded.Timeline!;
        CellMagic.Display(context, timeline);
        if (perfetto is not null)
            CellMagic.DisplayText(context, $"Perfetto trace saved to {timeline.SavePerfettoJson(perfetto)} (open it in ui.perfetto.dev).");
    }

    private static string? PerfettoPath(string? path)
    {
        if (path is null) return null;
        var full = Path.GetFullPath(path.Trim('"'));
        var folder = Path.GetDirectoryName(full);
        if (folder is null || !Directory.Exists(folder))
            throw new MagicCellException($"{Name} --perfetto: the folder '{folder}' of '{path}' does not exist.");
        return full;
    }
}
