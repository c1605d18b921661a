using System.Diagnostics;

namespace NotebookRunner.Kernel;

/// <summary>
/// A launchable dotnet-interactive: either the pinned tool's entry assembly, started with the dotnet host as
/// <c>dotnet tool run</c> itself would start it (one process fewer, and the kernel is our direct child), or a
/// command to run as is.
/// </summary>
/// <param name="FileName">The program to start.</param>
/// <param name="LeadingArguments">Arguments before the kernel's own (the entry assembly, or <c>tool run ... --</c>).</param>
/// <param name="Description">What is started, for messages: "dotnet-interactive 1.0.712001 (pinned in …)".</param>
public sealed record KernelTool(string FileName, IReadOnlyList<string> LeadingArguments, string Description)
{
    /// <summary>
    /// The start info for one kernel, as VS Code starts it but headless: <c>stdio</c> with the notebook's folder
    /// as working directory and no <c>[vscode]</c> front-end kernels.
    /// </summary>
    public ProcessStartInfo CreateStartInfo(string workingDirectory, string defaultKernel)
    {
        var start = new ProcessStartInfo
        {
            FileName = FileName,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
            StandardOutputEncoding = System.Text.Encoding.UTF8,
            StandardErrorEncoding = System.Text.Encoding.UTF8,
        };
        foreach (var argument in LeadingArguments) start.ArgumentList.Add(argument);
        foreach (var argument in new[] { "stdio", "--working-dir", workingDirectory, "--default-kernel", defaultKernel })
            start.ArgumentList.Add(argument);

        start.Environment["DOTNET_INTERACTIVE_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        // Lets a notebook know it is being run headlessly (papermill users ask for this).
        start.Environment["NBRUN"] = "1";
        // A #!connect-ed Jupyter kernel (ipykernel) is the kernel's child, which the kernel's pdeathsig does not
        // reach: if nbrun is SIGKILLed, the kernel dies and ipykernel would live on, orphaned. ipykernel watches its
        // parent only when JPY_PARENT_PID is set (jupyter_client sets it; dotnet-interactive does not), and then exits
        // once it is re-parented to init. Any pid but 1 turns the watch on; the kernel passes its environment down.
        start.Environment["JPY_PARENT_PID"] = Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return start;
    }
}
