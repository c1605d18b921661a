using System.Collections.Concurrent;
using System.Diagnostics;
using System.Xml.Linq;

namespace NotebookRunner.Kernel;

/// <summary>
/// Finds the dotnet-interactive a notebook runs in: the version pinned by the nearest tool manifest (restored
/// with <c>dotnet tool restore</c> when it is missing, so a fresh clone needs no set-up step), else a global
/// <c>dotnet-interactive</c> on the PATH. Resolved once per manifest and run.
/// </summary>
public static class KernelToolResolver
{
    private static readonly ConcurrentDictionary<string, Lazy<Task<KernelTool>>> Resolved = new(StringComparer.Ordinal);

    /// <summary>The tool for a notebook in <paramref name="notebookFolder"/>.</summary>
    /// <exception cref="KernelUnavailableException">No tool is pinned or on the PATH, or the restore failed; the message says what to do.</exception>
    public static Task<KernelTool> ResolveAsync(string notebookFolder)
    {
        var manifest = KernelToolManifest.Find(notebookFolder) ?? KernelToolManifest.Find(Environment.CurrentDirectory);
        var key = manifest?.Path ?? "";
        var lazy = Resolved.GetOrAdd(key, _ => new Lazy<Task<KernelTool>>(() => Task.Run(() => Resolve(manifest, notebookFolder))));
        return lazy.Value;
    }

    private static KernelTool Resolve(KernelToolManifest? manifest, string notebookFolder)
    {
        if (manifest is null) return FromPath(notebookFolder);

        var description = $"dotnet-interactive {manifest.Version} (pinned in {manifest.Path})";
        if (FindEntryPoint(manifest.Version) is { } entry) return new KernelTool(DotnetHost.Path, [entry], description);

        Restore(manifest);
        if (FindEntryPoint(manifest.Version) is { } restored) return new KernelTool(DotnetHost.Path, [restored], description);

        // Restored, but not where the default global-packages folder would put it (a NuGet.Config can move
        // it): let the SDK find it.
        return new KernelTool(DotnetHost.Path, ["tool", "run", "dotnet-interactive", "--"], description);
    }

    private static KernelTool FromPath(string notebookFolder)
    {
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => System.IO.Path.Combine(folder, OperatingSystem.IsWindows() ? "dotnet-interactive.exe" : "dotnet-interactive"))
            .FirstOrDefault(File.Exists);
        return onPath is not null
            ? new KernelTool(onPath, [], $"dotnet-interactive from the PATH ({onPath})")
            : throw new KernelUnavailableException(
                $"no tool manifest (.config/dotnet-tools.json) pins {KernelToolManifest.PackageId} in {notebookFolder}, in the current directory " +
                "or above them, and dotnet-interactive is not on the PATH. To pin it next to your notebooks: " +
                "dotnet new tool-manifest && dotnet tool install Microsoft.dotnet-interactive --version 1.0.712001");
    }

    /// <summary>The tool's entry assembly in the NuGet global-packages folder, as <c>dotnet tool restore</c> leaves it.</summary>
    private static string? FindEntryPoint(string version)
    {
        var packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } custom
            ? custom
            : System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var tools = System.IO.Path.Combine(packages, KernelToolManifest.PackageId, version.ToLowerInvariant(), "tools");
        if (!Directory.Exists(tools)) return null;

        // One folder per target framework; the newest is the one `dotnet tool run` picks on a current SDK.
        var settings = Directory.EnumerateDirectories(tools)
            .OrderByDescending(folder => Version.TryParse(System.IO.Path.GetFileName(folder).TrimStart('n', 'e', 't'), out var v) ? v : new Version())
            .Select(folder => System.IO.Path.Combine(folder, "any", "DotnetToolSettings.xml"))
            .FirstOrDefault(File.Exists);
        if (settings is null) return null;

        var entryPoint = XDocument.Load(settings).Descendants("Command").FirstOrDefault()?.Attribute("EntryPoint")?.Value;
        if (entryPoint is null) return null;
        var path = System.IO.Path.Combine(System.IO.Path.GetDirectoryName(settings)!, entryPoint);
        return File.Exists(path) ? path : null;
    }

    private static void Restore(KernelToolManifest manifest)
    {
        var start = new ProcessStartInfo(DotnetHost.Path)
        {
            WorkingDirectory = manifest.Folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "tool", "restore", "--tool-manifest", manifest.Path }) start.ArgumentList.Add(argument);
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";

        using var process = Process.Start(start) ?? throw new KernelUnavailableException("could not start `dotnet tool restore`");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            throw new KernelUnavailableException($"`dotnet tool restore` for {manifest.Path} did not finish within 5 minutes");
        }
        if (process.ExitCode != 0)
            throw new KernelUnavailableException(
                $"`dotnet tool restore` for {manifest.Path} failed (exit code {process.ExitCode}): {(error.Result + output.Result).Trim()}");
    }
}
