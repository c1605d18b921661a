using System.Reflection;
using System.Runtime.Loader;

namespace ConcurrencyLab.Interactive.Plotting;

/// <summary>
/// Lets Plotly.NET 6.0.0 load in the dotnet-interactive tool without patching it. Plotly.NET is built against
/// FSharp.Core 10.1; the tool ships and loads FSharp.Core 10.0 into the default load context, so the runtime refuses
/// the 10.1 reference (FileNotFoundException). Once binding has failed, the default context asks its Resolving
/// handlers; this one answers FSharp.Core with the copy already loaded (10.0 here; Plotly.NET's calls that we make
/// exist in both), and Plotly.NET and its other dependencies with the files shipped beside the extension.
/// </summary>
internal static class PlotlyNetAssemblies
{
    private static readonly string[] Shipped = ["Plotly.NET", "DynamicObj", "Fable.Core", "Giraffe.ViewEngine", "Newtonsoft.Json", "FSharp.Core"];
    private static int _installed;

    /// <summary>The folder of this extension, where the build copies Plotly.NET and its dependencies.</summary>
    public static string Folder { get; } = Path.GetDirectoryName(typeof(PlotlyNetAssemblies).Assembly.Location)!;

    /// <summary>The Plotly.NET files found beside the extension, for the C# kernel's compile references.</summary>
    public static IEnumerable<string> CompileReferences() =>
        new[] { "Plotly.NET", "DynamicObj" }.Select(name => Path.Combine(Folder, name + ".dll")).Where(File.Exists);

    public static void Install()
    {
        if (Interlocked.Exchange(ref _installed, 1) == 0)
            AssemblyLoadContext.Default.Resolving += Resolve;
    }

    private static Assembly? Resolve(AssemblyLoadContext context, AssemblyName name)
    {
        if (name.Name is not { } simpleName || !Shipped.Contains(simpleName)) return null;
        // Any FSharp.Core already loaded wins: two in one context cannot be, and the kernel's F# needs its own.
        var loaded = AppDomain.CurrentDomain.GetAssemblies().FirstOrDefault(a => a.GetName().Name == simpleName);
        if (loaded is not null) return loaded;
        if (name.Version is not null)
        {
            // The host's own copy at whatever version it has (the tool's FSharp.Core 10.0), before a second one.
            try
            {
                return context.LoadFromAssemblyName(new AssemblyName(simpleName));
            }
            catch (Exception e) when (e is FileNotFoundException or FileLoadException)
            {
                // the host has none: use the copy beside the extension
            }
        }
        var path = Path.Combine(Folder, simpleName + ".dll");
        return File.Exists(path) ? context.LoadFromAssemblyPath(path) : null;
    }
}
