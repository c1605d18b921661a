using NotebookRunner.Documents;

namespace NotebookRunner.Kernel;

/// <summary>
/// Which kernel a cell goes to, decided as the kernel itself decides (<see cref="Notebook.GetTargetKernelName"/>:
/// a leading <c>#!fsharp</c>-style line, else the cell's <c>polyglot_notebook.kernelName</c>, else the notebook's
/// default), and which of those kernels cannot run headless.
/// </summary>
public static class CellRouting
{
    /// <summary>Kernels that exist only inside a browser front end (VS Code's webview, JupyterLab).</summary>
    private static readonly HashSet<string> FrontEndKernels = new(StringComparer.OrdinalIgnoreCase) { "javascript", "js", "vscode", "webview" };

    /// <summary>The <c>targetKernelName</c> to send with a code cell.</summary>
    public static string TargetKernel(Notebook notebook, NotebookCell cell) => notebook.GetTargetKernelName(cell) ?? notebook.DefaultKernelName;

    /// <summary>
    /// True when <paramref name="kernel"/> exists only in a browser front end: headless there is nothing to run
    /// the cell, and waiting for one would only end in the kernel's 30 s timeout.
    /// </summary>
    public static bool NeedsFrontEnd(string kernel) => FrontEndKernels.Contains(kernel);
}
