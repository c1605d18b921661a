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

            Assert.Empty(await LinuxProcesses.SurvivorsAfterAsync(kernels, TimeSpan.FromSeconds(20), cancel));
        }
        finally
        {
            if (!nbrun.HasExited) nbrun.Kill(entireProcessTree: true);
            foreach (var pid in KernelsIn(folder)) TryKill(pid);
        }
    }

    /// <summary>
    /// A notebook's <c>#!connect jupyter</c> starts ipykernel as the kernel's child; pdeathsig reaches only the kernel
    /// itself, so this checks that the Python kernel goes too. Its cell writes its pid, then sleeps for good.
    /// </summary>
    [Theory]
    [InlineData("KILL")]
    [InlineData("TERM")]
    public async Task No_connected_python_kernel_outlives_nbrun_either(string signal)
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "reads /proc and sends POSIX signals");
        Assert.SkipUnless(Execution.ConnectedKernelTests.PythonKernelspecExists(), "no python3 Jupyter kernelspec here: apt-get install python3-ipykernel");
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        limit.CancelAfter(TimeSpan.FromMinutes(3)); // a connect that never finishes fails the test instead of hanging it
        var cancel = limit.Token;
        var folder = Folder();
        var pidFile = Path.Combine(folder, "python.pid");
        var notebook = WriteDeclaring(folder, "python.ipynb", ["python"],
            Code("#!connect jupyter --kernel-name python --kernel-spec python3"),
            Code("#!python\nimport os, time\nopen('python.pid', 'w').write(str(os.getpid()))\ntime.sleep(600)"));

        using var nbrun = Process.Start(NbrunStartInfo("run", notebook, "--timeout", "600"))!;
        int? python = null;
        try
        {
            while (!File.Exists(pidFile) || (await File.ReadAllTextAsync(pidFile, cancel)).Length == 0)
            {
                if (nbrun.HasExited) Assert.Fail($"nbrun ended before the python cell ran: {await nbrun.StandardOutput.ReadToEndAsync(cancel)}");
                await Task.Delay(100, cancel);
            }
            python = int.Parse(await File.ReadAllTextAsync(pidFile, cancel), System.Globalization.CultureInfo.InvariantCulture);
            // The process is this notebook's ipykernel: started with the connection file Jupyter wrote for it.
            var cmdline = (await File.ReadAllTextAsync($"/proc/{python}/cmdline", cancel)).Split('\0');
            Assert.Contains(cmdline, a => a.Contains("ipykernel"));
            Assert.Contains(cmdline, a => a.EndsWith(".json", StringComparison.Ordinal));
            var kernels = KernelsIn(folder);

            Process.Start("kill", [$"-{signal}", nbrun.Id.ToString()])!.WaitForExit();
            await nbrun.WaitForExitAsync(cancel);

            Assert.Empty(await LinuxProcesses.SurvivorsAfterAsync([.. kernels, python.Value], TimeSpan.FromSeconds(20), cancel));
        }
        finally
        {
            if (!nbrun.HasExited) nbrun.Kill(entireProcessTree: true);
            foreach (var pid in KernelsIn(folder)) TryKill(pid);
            if (python is { } pid2 && LinuxProcesses.IsAlive(pid2)) TryKill(pid2);
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
        start.Environment.Remove(NotebookRunner.Execution.RequiredKernels.EnvironmentVariable);
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

    private static void TryKill(int pid)
    {
        try { Process.GetProcessById(pid).Kill(entireProcessTree: true); }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException) { }
    }
}
