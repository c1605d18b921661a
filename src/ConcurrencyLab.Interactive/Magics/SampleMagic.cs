using ConcurrencyLab.Interactive.Cells;
using ConcurrencyLab.Measurement;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.CSharp;
using Microsoft.DotNet.Interactive.Directives;

namespace ConcurrencyLab.Interactive.Magics;

/// <summary>
/// <c>#!sample</c>: runs the rest of the cell once, as written, while <see cref="Measure.SampleAsync"/> samples the
/// thread pool (threads, queue length, completed work items), lock contentions and the GC heap; shows the lanes when
/// the cell ends, also when it throws or is cancelled.
/// </summary>
internal sealed class SampleMagic(CSharpKernel csharp)
{
    public const string Name = "#!sample";

    public static KernelActionDirective Directive() => new(Name, "Samples the thread pool, lock contentions and the GC heap while the rest of the cell runs, and charts them")
    {
        Parameters =
        {
            new KernelDirectiveParameter("--interval", "Time between samples, e.g. 10ms (the default)"),
            new KernelDirectiveParameter("--budget", "Sampling stops after this long even if the cell runs on (default 2s)"),
            new KernelDirectiveParameter("--variable", "A C# variable to keep the SamplingResult in for later cells"),
        },
    };

    public Task HandleAsync(SampleCommand options, KernelInvocationContext context) => CellMagic.RunAsync(Name, context, csharp, async cell =>
    {
        var text = CellText.Locate(Name, cell.Code, allowCompilerReferences: true);
        MagicOptions.RequireValues(Name, cell.Code, new Dictionary<string, string?>
        {
            ["--interval"] = options.Interval, ["--budget"] = options.Budget, ["--variable"] = options.Variable,
        });
        var interval = MagicOptions.Duration(Name, "--interval", options.Interval);
        var budget = MagicOptions.Duration(Name, "--budget", options.Budget);
        var variable = MagicOptions.VariableName(Name, "--variable", options.Variable);
        var syntax = CellSyntax.Parse(Name, text);

        var sampled = new SampledCell(interval, budget is { } b ? MeasureOptions.Default with { Budget = b } : MeasureOptions.Default);
        var id = CellRegistry.Add(sampled);
        try
        {
            var code = RecordedCellCode.Build(syntax, $"global::ConcurrencyLab.Interactive.Cells.CellHooks.BeginSampling({id});", id, autoSpans: false);
            using (context.CancellationToken.Register(() => Show(context, sampled)))
            {
                var failure = await CellMagic.SubmitAsync(csharp, code);
                var shown = Show(context, sampled);
                if (failure is not null)
                    CellMagic.Fail(context, failure);
                else if (shown && variable is not null)
                    await csharp.SetValueAsync(variable, sampled.Result, typeof(SamplingResult));
            }
        }
        finally
        {
            CellRegistry.Remove(id);
        }
    });

    private static bool Show(KernelInvocationContext context, SampledCell sampled)
    {
        if (!sampled.EndForDisplay()) return false;
        CellMagic.Display(context, sampled.Result);
        return true;
    }
}
