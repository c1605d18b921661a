using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.Connection;

namespace NotebookRunner.Kernel;

/// <summary>
/// The command lines nbrun sends, serialized with Microsoft.DotNet.Interactive's own envelopes so that the
/// wire format is exactly what VS Code Polyglot Notebooks sends.
/// </summary>
public static class KernelCommands
{
    /// <summary>Runs a cell's code in <paramref name="kernelName"/> (a leading <c>#!fsharp</c> line still reroutes it, as in VS Code).</summary>
    public static string SubmitCode(string token, string code, string kernelName) =>
        Serialize(new SubmitCode(code, kernelName), token);

    /// <summary>Cancels whatever the kernel is running.</summary>
    public static string Cancel(string token) => Serialize(new Cancel(), token);

    /// <summary>
    /// Asks <paramref name="kernelName"/> for the diagnostics of <paramref name="code"/>: it compiles but runs
    /// nothing, so the kernel's first-use work (its compiler, the helpers' hidden submission, the metadata of the
    /// code's <c>#r</c> references) is done before the notebook's first cell without changing any state a cell can see.
    /// </summary>
    public static string WarmUp(string token, string kernelName, string code) =>
        Serialize(new RequestDiagnostics(code, kernelName), token);

    private static string Serialize(KernelCommand command, string token)
    {
        command.SetToken(token);
        return KernelCommandEnvelope.Serialize(KernelCommandEnvelope.Create(command));
    }
}
