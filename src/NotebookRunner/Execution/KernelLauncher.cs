using NotebookRunner.Documents;
using NotebookRunner.Kernel;

namespace NotebookRunner.Execution;

/// <summary>Starts the kernel a notebook runs in: the pinned tool, in the notebook's folder.</summary>
public static class KernelLauncher
{
    // The kernels `--default-kernel` accepts; cells name their kernel anyway, so anything else falls back to C#.
    private static readonly HashSet<string> DefaultKernels = ["csharp", "fsharp", "pwsh", "http"];

    /// <summary>Starts a kernel for <paramref name="notebook"/>, read from <paramref name="path"/>; <paramref name="ahead"/> when its turn has not come yet (it is then warmed up too).</summary>
    /// <exception cref="KernelUnavailableException">No tool, a failed restore, or a kernel that died before it was ready.</exception>
    public static async Task<KernelSession> StartAsync(string path, Notebook notebook, RunOptions options, CancellationToken cancellationToken, bool ahead = false)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var tool = await KernelToolResolver.ResolveAsync(folder);
        var defaultKernel = DefaultKernels.Contains(notebook.DefaultKernelName) ? notebook.DefaultKernelName : "csharp";
        return await KernelSession.StartAsync(tool, folder, defaultKernel, options.StartupTimeout, ahead ? WarmUpCode(notebook, defaultKernel) : null, cancellationToken);
    }

    /// <summary>
    /// What a kernel started ahead compiles while it waits: the notebook's first cell when it is plain code for the
    /// default kernel (its <c>#r</c> references are then loaded once, ahead), else a trivial expression. A cell with a
    /// magic or a NuGet reference is never used: whether the kernel acts on those for a diagnostics request is its
    /// business, and a warm-up must not act.
    /// </summary>
    private static string WarmUpCode(Notebook notebook, string defaultKernel)
    {
        var first = notebook.Cells.FirstOrDefault(c => CellPolicy.IsRunnable(c) && !CellPolicy.ShouldSkip(c));
        if (first is null || notebook.GetTargetKernelName(first) != defaultKernel) return "0";
        var lines = first.Source.Split('\n').Select(l => l.TrimStart());
        return lines.Any(l => l.StartsWith("#!", StringComparison.Ordinal) || l.StartsWith("#i", StringComparison.Ordinal)
                              || (l.StartsWith("#r", StringComparison.Ordinal) && l.Contains("nuget:", StringComparison.OrdinalIgnoreCase)))
            ? "0"
            : first.Source;
    }
}
