using System.Collections.Concurrent;
using System.Diagnostics;

namespace NotebookRunner.Kernel;

/// <summary>
/// Starts kernel processes so that none outlives nbrun, even when nbrun itself is killed with SIGKILL and
/// cannot clean up: on Linux each kernel is started through util-linux's <c>setpriv --pdeathsig KILL</c>,
/// which asks the kernel's own kernel to kill it when its parent goes. The parent that counts is the
/// <em>thread</em> that forked it, so every start happens on this one thread, which lives as long as nbrun.
/// Elsewhere (or without setpriv) processes start directly and the normal paths' tree kill is the guarantee.
/// </summary>
internal static class ProcessSpawner
{
    private const string SetPriv = "/usr/bin/setpriv";
    private static readonly BlockingCollection<(ProcessStartInfo Start, TaskCompletionSource<Process> Started)> Requests = [];
    private static readonly bool UseParentDeathSignal = OperatingSystem.IsLinux() && File.Exists(SetPriv);

    static ProcessSpawner()
    {
        var thread = new Thread(Serve) { IsBackground = true, Name = "nbrun kernel spawner" };
        thread.Start();
    }

    /// <summary>Starts <paramref name="start"/>; throws what <see cref="Process.Start()"/> throws.</summary>
    public static Task<Process> StartAsync(ProcessStartInfo start)
    {
        var started = new TaskCompletionSource<Process>(TaskCreationOptions.RunContinuationsAsynchronously);
        Requests.Add((UseParentDeathSignal ? WithParentDeathSignal(start) : start, started));
        return started.Task;
    }

    private static void Serve()
    {
        foreach (var (start, started) in Requests.GetConsumingEnumerable())
        {
            try
            {
                var process = new Process { StartInfo = start };
                process.Start();
                started.SetResult(process);
            }
            catch (Exception e)
            {
                started.SetException(e);
            }
        }
    }

    private static ProcessStartInfo WithParentDeathSignal(ProcessStartInfo start)
    {
        // setpriv execs the program in place: same pid, so the kernel is still our direct child.
        var arguments = start.ArgumentList.ToArray();
        start.ArgumentList.Clear();
        foreach (var argument in new[] { "--pdeathsig", "KILL", "--", start.FileName }.Concat(arguments)) start.ArgumentList.Add(argument);
        start.FileName = SetPriv;
        return start;
    }
}
