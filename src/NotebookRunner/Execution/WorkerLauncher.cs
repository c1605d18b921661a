using System.Diagnostics;

namespace NotebookRunner.Execution;

/// <summary>
/// Builds the command line that starts a notebook worker: this same assembly with the hidden <c>worker</c>
/// command, through its apphost when we run as one, else through the dotnet host (tests, <c>dotnet nbrun.dll</c>).
/// </summary>
internal static class WorkerLauncher
{
    public const string WorkerCommand = "__worker";

    public static ProcessStartInfo CreateStartInfo(string notebookPath, RunOptions options)
    {
        var entry = typeof(WorkerLauncher).Assembly.Location;
        var start = new ProcessStartInfo
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(Path.GetFullPath(notebookPath))!,
        };

        var apphost = Path.ChangeExtension(entry, OperatingSystem.IsWindows() ? ".exe" : null);
        if (File.Exists(apphost) && string.Equals(Environment.ProcessPath, apphost, StringComparison.Ordinal))
        {
            start.FileName = apphost;
        }
        else
        {
            start.FileName = DotnetHost();
            start.ArgumentList.Add("exec");
            var runtimeConfig = Path.ChangeExtension(entry, ".runtimeconfig.json");
            if (File.Exists(runtimeConfig)) { start.ArgumentList.Add("--runtimeconfig"); start.ArgumentList.Add(runtimeConfig); }
            var deps = Path.ChangeExtension(entry, ".deps.json");
            if (File.Exists(deps)) { start.ArgumentList.Add("--depsfile"); start.ArgumentList.Add(deps); }
            start.ArgumentList.Add(entry);
        }

        start.ArgumentList.Add(WorkerCommand);
        start.ArgumentList.Add(Path.GetFullPath(notebookPath));
        if (options.Debug) start.ArgumentList.Add("--debug");
        if (options.AllowErrors) start.ArgumentList.Add("--allow-errors");

        // Lets a notebook know it is being run headlessly (papermill users ask for this).
        start.Environment["NBRUN"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        return start;
    }

    private static string DotnetHost()
    {
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host)) return host;
        if (Environment.ProcessPath is { } self && Path.GetFileNameWithoutExtension(self) == "dotnet") return self;
        var root = Environment.GetEnvironmentVariable("DOTNET_ROOT");
        if (root is { Length: > 0 } && File.Exists(Path.Combine(root, "dotnet"))) return Path.Combine(root, "dotnet");
        var runtimeHost = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "..", "..", "..", "dotnet"));
        return File.Exists(runtimeHost) ? runtimeHost : "dotnet";
    }
}
