using System.Diagnostics;

namespace ChartRendering.Tests;

/// <summary>
/// What the check needs besides .NET: headless Chromium, and plotly.js from npm (installed here with <c>npm ci</c>
/// from the committed package-lock.json when missing). Anything missing fails with the command that installs it.
/// </summary>
internal static class Prerequisites
{
    public const string InstallScript = "tests/ChartRendering.Tests/install-prerequisites.sh";

    /// <summary>The folder of package.json, found from the source tree (the test runs from bin/).</summary>
    public static string PackageFolder { get; } = FindPackageFolder();

    /// <summary>Chromium: $CHROMIUM, else the usual Debian and Chrome paths.</summary>
    public static string Chromium()
    {
        var candidates = new[] { Environment.GetEnvironmentVariable("CHROMIUM"), "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome" };
        return candidates.FirstOrDefault(c => !string.IsNullOrEmpty(c) && File.Exists(c))
            ?? throw new InvalidOperationException(
                $"Headless Chromium is missing (looked at $CHROMIUM, /usr/bin/chromium, /usr/bin/chromium-browser, /usr/bin/google-chrome). " +
                $"Install it with: apt-get install -y chromium   (or: bash {InstallScript})");
    }

    /// <summary>node_modules with both plotly.js builds, running <c>npm ci</c> once if they are not there yet.</summary>
    public static void EnsurePlotlyInstalled(IEnumerable<PlotlyBuild> builds)
    {
        if (builds.All(b => File.Exists(b.ScriptPath))) return;
        lock (typeof(Prerequisites))
        {
            if (builds.All(b => File.Exists(b.ScriptPath))) return;
            var npm = FindOnPath("npm") ?? throw new InvalidOperationException(
                $"plotly.js is not installed in {PackageFolder}/node_modules and npm (Node.js) is missing. " +
                $"Install Node.js and npm (apt-get install -y nodejs npm, or bash {InstallScript}), then run: cd {PackageFolder} && npm ci");
            var start = new ProcessStartInfo(npm, "ci --no-audit --no-fund") { WorkingDirectory = PackageFolder, RedirectStandardOutput = true, RedirectStandardError = true };
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
            {
                process.Kill(entireProcessTree: true);
                throw new InvalidOperationException($"npm ci in {PackageFolder} did not finish in 3 minutes; run it by hand: cd {PackageFolder} && npm ci");
            }
            var missing = builds.Where(b => !File.Exists(b.ScriptPath)).ToList();
            if (process.ExitCode != 0 || missing.Count > 0)
                throw new InvalidOperationException(
                    $"npm ci in {PackageFolder} failed (exit {process.ExitCode}); missing: {string.Join(", ", missing.Select(b => b.ScriptPath))}.\n" +
                    $"Run it by hand: cd {PackageFolder} && npm ci\n{errors.Result}{output.Result}");
        }
    }

    private static string? FindOnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, program)).FirstOrDefault(File.Exists);

    private static string FindPackageFolder([System.Runtime.CompilerServices.CallerFilePath] string here = "")
    {
        // The source folder when built here; else walk up from bin/ to the folder holding package.json.
        var source = Path.GetDirectoryName(here);
        if (source is not null && File.Exists(Path.Combine(source, "package.json"))) return source;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "ChartRendering.Tests");
            if (File.Exists(Path.Combine(candidate, "package.json"))) return candidate;
        }
        throw new InvalidOperationException("Cannot find tests/ChartRendering.Tests/package.json above " + AppContext.BaseDirectory);
    }
}
