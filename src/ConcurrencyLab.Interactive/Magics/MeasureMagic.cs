using ConcurrencyLab.Interactive.Cells;
using ConcurrencyLab.Interactive.Display;
using ConcurrencyLab.Measurement;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.CSharp;
using Microsoft.DotNet.Interactive.Directives;

namespace ConcurrencyLab.Interactive.Magics;

/// <summary>
/// <c>#!measure</c>: times the rest of the cell with <see cref="Measure"/>'s rules (warm-up, calibrated loops, repeats
/// within a budget, allocations, lock contentions, work items, Debug/Release). The cell is compiled once into a
/// delegate, and the repeats call that delegate, exactly as <c>Measure.Time(() =&gt; { ... })</c> would.
/// </summary>
internal sealed class MeasureMagic(CSharpKernel csharp)
{
    public const string Name = "#!measure";
    private const string DefaultName = "code";

    // Earlier results by --name, for --compare; one kernel, one notebook session.
    private readonly Dictionary<string, TimingResult> _results = new(StringComparer.Ordinal);

    private bool Compiles(string code)
    {
        Script script;
        if (csharp.ScriptState is { } state)
        {
            script = state.Script.ContinueWith(code, state.Script.Options.AddReferences(typeof(CellHooks).Assembly, typeof(TimingResult).Assembly));
        }
        else
        {
            // The kernel's first cell: no session yet, so nothing of the learner's to refer to; the loaded assemblies
            // and the kernel's default usings stand in for the session's options.
            var options = ScriptOptions.Default
                .AddReferences(AppDomain.CurrentDomain.GetAssemblies().Where(a => !a.IsDynamic && a.Location.Length > 0))
                .AddImports("System", "System.Text", "System.Collections", "System.Collections.Generic", "System.Threading.Tasks", "System.Linq");
            script = CSharpScript.Create(code, options);
        }
        return !script.Compile().Any(d => d.Severity == DiagnosticSeverity.Error);
    }

    public static KernelActionDirective Directive() => new(Name, "Times the rest of the cell like %%timeit (warm-up, repeats within a budget) with allocations, lock contentions and work items per operation")
    {
        Parameters =
        {
            new KernelDirectiveParameter("--budget", "The most time the measurement may take, e.g. 5s (default 2s)"),
            new KernelDirectiveParameter("--name", "A name for the measured code, shown in the result and usable by a later --compare"),
            new KernelDirectiveParameter("--variable", "A C# variable to keep the TimingResult in for later cells"),
            new KernelDirectiveParameter("--compare", "The --name of an earlier measured cell: shows the ratio of the two with its uncertainty"),
        },
    };

    public Task HandleAsync(MeasureCommand options, KernelInvocationContext context) => CellMagic.RunAsync(Name, context, csharp, async cell =>
    {
        var text = CellText.Locate(Name, cell.Code, allowCompilerReferences: false);
        MagicOptions.RequireValues(Name, cell.Code, new Dictionary<string, string?>
        {
            ["--budget"] = options.Budget, ["--name"] = options.Name, ["--variable"] = options.Variable, ["--compare"] = options.Compare,
        });
        var budget = MagicOptions.Duration(Name, "--budget", options.Budget);
        var name = MagicOptions.Label(Name, "--name", options.Name) ?? DefaultName;
        var variable = MagicOptions.VariableName(Name, "--variable", options.Variable);
        TimingResult? baseline = null;
        if (MagicOptions.Label(Name, "--compare", options.Compare) is { } compare && !_results.TryGetValue(compare, out baseline))
        {
            var known = _results.Keys.Where(k => k != DefaultName).ToList();
            throw new MagicCellException($"{Name} --compare: no earlier cell was measured with --name {compare}; "
                + (known.Count == 0 ? "none was named yet." : $"the names are: {string.Join(", ", known)}."));
        }
        var syntax = CellSyntax.Parse(Name, text);

        // Inside the magic the budget is its --budget option: notes name that, not the library's MeasureOptions.Budget.
        var measureOptions = MeasureOptions.Default with { BudgetSettingName = "--budget" };
        var measured = new MeasuredCell(name, budget is { } b ? measureOptions with { Budget = b } : measureOptions);
        var id = CellRegistry.Add(measured);
        try
        {
            var code = MeasuredCellCode.Build(syntax, id, returnTrailingValue: true);
            // A trailing call may be void, and only the compiler knows: check quietly (no outputs, nothing run)
            // and fall back to running it as a statement.
            if (syntax.TrailingExpressionMayBeVoid && !Compiles(code))
                code = MeasuredCellCode.Build(syntax, id, returnTrailingValue: false);
            if (await CellMagic.SubmitAsync(csharp, code) is { } failure)
            {
                CellMagic.Fail(context, failure); // a compile error, or the code threw while being timed
                return;
            }
            var result = measured.Result ?? throw new InvalidOperationException($"{Name}: the cell ran but produced no measurement.");
            _results[name] = result;
            CellMagic.Display(context, result);
            if (baseline is not null)
                CellMagic.Display(context, new CellComparison(result, baseline));
            if (variable is not null)
                await csharp.SetValueAsync(variable, result, typeof(TimingResult));
        }
        finally
        {
            CellRegistry.Remove(id);
        }
    });
}
