using NotebookRunner.Documents;

namespace NotebookRunner.Kernel;

/// <summary>
/// Which kernel a cell goes to, as VS Code sends it: the cell's <c>polyglot_notebook.kernelName</c> (or legacy
/// <c>dotnet_interactive.language</c>), else the notebook's default. A leading <c>#!fsharp</c>-style line is
/// left in the code: the kernel itself reroutes the cell there, exactly as it does for VS Code.
/// </summary>
public static class CellRouting
{
    /// <summary>Kernels that exist only inside a browser front end (VS Code's webview, JupyterLab).</summary>
    private static readonly HashSet<string> FrontEndKernels = new(StringComparer.OrdinalIgnoreCase) { "javascript", "js", "vscode", "webview" };

    /// <summary>The <c>targetKernelName</c> to send with the cell.</summary>
    public static string TargetKernel(NotebookCell cell, string defaultKernel) => cell.KernelName ?? defaultKernel;

    /// <summary>
    /// The front-end-only kernel the cell would run in (by its target or its leading <c>#!</c> line), or null.
    /// Headless there is nothing to run it, and the kernel would only give up after a 30 s timeout.
    /// </summary>
    public static string? FrontEndKernel(NotebookCell cell, string defaultKernel)
    {
        var target = TargetKernel(cell, defaultKernel);
        if (FrontEndKernels.Contains(target)) return target;
        var firstLine = cell.Source.Split('\n').Select(line => line.Trim()).FirstOrDefault(line => line.Length > 0) ?? "";
        if (!firstLine.StartsWith("#!", StringComparison.Ordinal)) return null;
        var magic = firstLine[2..].Split(' ', 2)[0];
        return FrontEndKernels.Contains(magic) ? magic : null;
    }
}
