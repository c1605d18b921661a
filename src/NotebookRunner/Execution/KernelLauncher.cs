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
        return await KernelSession.StartAsync(tool, folder, defaultKernel, options.StartupTimeout, warmUp: ahead, cancellationToken);
    }
}
