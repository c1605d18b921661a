using System.Runtime.CompilerServices;
using ConcurrencyLab.Interactive.Cells;
using ConcurrencyLab.Interactive.Display;
using ConcurrencyLab.Interactive.Magics;
using ConcurrencyLab.Interactive.Plotting;
using ConcurrencyLab.Interactive.Polyglot;
using ConcurrencyLab.Timelines;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.CSharp;

namespace ConcurrencyLab.Interactive;

/// <summary>
/// The .NET Interactive extension of ConcurrencyLab: the <c>#!measure</c>, <c>#!timeline</c> and <c>#!sample</c> cell
/// magics and the library's formatters, registered with the kernel's own Formatting.
/// </summary>
/// <example><code>
/// #r "../src/ConcurrencyLab.Interactive/bin/ConcurrencyLab.dll"
/// #r "../src/ConcurrencyLab.Interactive/bin/ConcurrencyLab.Interactive.dll"
/// ConcurrencyLab.Interactive.ConcurrencyLabExtension.Load(Microsoft.DotNet.Interactive.Kernel.Root);
/// </code></example>
public sealed class ConcurrencyLabExtension : IKernelExtension
{
    private static readonly ConditionalWeakTable<Kernel, object> Loaded = new();

    /// <summary>Loads the extension into <paramref name="kernel"/>'s root (the route of a package's <c>interactive-extensions</c> folder).</summary>
    public Task OnLoadAsync(Kernel kernel)
    {
        Load(kernel);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Adds the magics to the root of <paramref name="kernel"/> (so a magic in an F# or Python cell gets a clear error,
    /// not "unknown magic command") and registers the formatters. Loading twice does nothing the second time.
    /// </summary>
    /// <exception cref="InvalidOperationException">There is no C# kernel, or ConcurrencyLab.dll is loaded twice.</exception>
    public static void Load(Kernel kernel)
    {
        ArgumentNullException.ThrowIfNull(kernel);
        var root = kernel.RootKernel;
        lock (Loaded)
        {
            if (Loaded.TryGetValue(root, out _)) return;
            CheckSingleCoreLibrary();
            var csharp = root as CSharpKernel
                ?? root.FindKernels(k => k is CSharpKernel).OfType<CSharpKernel>().FirstOrDefault()
                ?? throw new InvalidOperationException($"ConcurrencyLab.Interactive needs a C# kernel, and kernel '{root.Name}' has none.");

            // The generated code calls into this assembly: make sure the C# kernel can compile against it and the core,
            // and against Plotly.NET for chart.ToPlotly() (loaded only when a cell first uses it).
            PlotlyNetAssemblies.Install();
            csharp.AddAssemblyReferences(new[] { typeof(CellHooks).Assembly.Location, typeof(Timeline).Assembly.Location }.Concat(PlotlyNetAssemblies.CompileReferences()));
            FormatterRegistration.RegisterConventionSources(typeof(Timeline).Assembly);
            FormatterRegistration.RegisterChart(typeof(CellComparison));
            FormatterRegistration.RegisterParagraph<PythonKernelStatus>(status => status.ToString(), status => status.ToHtml());

            csharp.AddMiddleware(MisplacedMagicGuard.Middleware);
            var measure = new MeasureMagic(csharp);
            root.AddDirective<MeasureCommand>(MeasureMagic.Directive(), measure.HandleAsync);
            root.AddDirective<TimelineCommand>(TimelineMagic.Directive(), new TimelineMagic(csharp).HandleAsync);
            root.AddDirective<SampleCommand>(SampleMagic.Directive(), new SampleMagic(csharp).HandleAsync);
            Loaded.Add(root, measure);
        }
    }

    // Two copies of the core (say, one #r from src/ConcurrencyLab/bin and the extension's own) would make two
    // Timeline types that cannot be mixed; fail at load with both paths rather than later with a baffling cast error.
    private static void CheckSingleCoreLibrary()
    {
        var copies = AppDomain.CurrentDomain.GetAssemblies()
            .Where(a => a.GetName().Name == typeof(Timeline).Assembly.GetName().Name)
            .Select(a => a.IsDynamic ? "(dynamic)" : a.Location)
            .ToList();
        if (copies.Count > 1)
            throw new InvalidOperationException(
                $"ConcurrencyLab.dll is loaded {copies.Count} times ({string.Join("; ", copies)}). Reference both ConcurrencyLab.dll and ConcurrencyLab.Interactive.dll from src/ConcurrencyLab.Interactive/bin only.");
    }
}
