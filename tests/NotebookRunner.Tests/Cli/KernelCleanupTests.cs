using System.Diagnostics;
using NotebookRunner.Cli;
using static NotebookRunner.Tests.Execution.TestNotebook;

namespace NotebookRunner.Tests.Cli;

/// <summary>
/// The kernel does not exit when its stdin closes, so nothing but nbrun's own care stops it from outliving a
/// run. These tests start nbrun as a real process, wait for its kernel, end nbrun the hard ways, and look for
/// survivors in /proc.
/// </summary>
public sealed class KernelCleanupTests
{
    [Theory]
    [InlineData("KILL")]
    [InlineData("TERM")]
    [InlineData("INT")]
    public async Task No_kernel_outlives_nbrun_whatever_ends_it(string signal)
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "reads /proc and sends POSIX signals");
        var cancel = TestContext.Current.CancellationToken;
        var folder = Folder();
        var notebook = Write(folder, "hangs.ipynb", Code("System.Threading.Thread.Sleep(600_000);"));

        using var nbrun = Process.Start(NbrunStartInfo("run", notebook, "--timeout", "600"))!;
        try
        {
            // Once nbrun reports the cell as started, its kernel is ready and running it.
            while (await nbrun.StandardOutput.ReadLineAsync(cancel) is { } line && !line.Contains("hangs.ipynb cell 0")) { }
            var kernels = KernelsIn(folder);
            Assert.NotEmpty(kernels);

            Process.Start("kill", [$"-{signal}", nbrun.Id.ToString()])!.WaitForExit();
            await nbrun.WaitForExitAsync(cancel);

            var deadline = Stopwatch.StartNew();
            while (kernels.Any(IsAlive) && deadline.Elapsed < TimeSpan.FromSeconds(20)) await Task.Delay(100, cancel);
            Assert.DoesNotContain(kernels, IsAlive);
        }
        finally
        {
            if (!nbrun.HasExited) nbrun.Kill(entireProcessTree: true);
            foreach (var pid in KernelsIn(folder)) TryKill(pid);
        }
    }

    private static ProcessStartInfo NbrunStartInfo(params string[] args)
    {
        var entry = typeof(CommandLine).Assembly.Location;
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "exec", "--runtimeconfig", Path.ChangeExtension(entry, ".runtimeconfig.json"), "--depsfile", Path.ChangeExtension(entry, ".deps.json"), entry })
            start.ArgumentList.Add(argument);
        foreach (var argument in args) start.ArgumentList.Add(argument);
        start.Environment["CI"] = "true";
        return start;
    }

    /// <summary>Processes whose working directory is the test's folder: the kernel and anything it started there.</summary>
    private static List<int> KernelsIn(string folder)
    {
        var found = new List<int>();
        foreach (var entry in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(entry), out var pid)) continue;
            try
            {
                var cwd = new DirectoryInfo(Path.Combine(entry, "cwd")).ResolveLinkTarget(returnFinalTarget: false)?.FullName;
                if (cwd == folder && File.ReadAllText(Path.Combine(entry, "cmdline")).Contains("Interactive")) found.Add(pid);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
        }
        return found;
    }

    private static bool IsAlive(int pid)
    {
        try
        {
            // A killed process that nobody has reaped yet is a zombie ("Z"): dead, only not yet collected.
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)] != 'Z';
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return false; }
    }

    private static void TryKill(int pid)
    {
        try { Process.GetProcessById(pid).Kill(entireProcessTree: true); }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException) { }
    }
}
