using System.Diagnostics;
using System.Text;
using System.Threading.Channels;

namespace NotebookRunner.Kernel;

/// <summary>
/// One dotnet-interactive process: its stdout as a stream of lines, its stdin for commands, the tail of its
/// stderr (the runtime's crash report), and a kill that takes the whole process tree (a connected Jupyter
/// kernel, restore processes) with it.
/// </summary>
internal sealed class KernelProcess
{
    private readonly Process _process;
    private readonly StderrCapture _stderr = new();
    private readonly Channel<string> _lines = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
    private readonly Lock _stdinGate = new();
    private readonly Task _stdoutPump;
    private int _killed;

    private KernelProcess(Process process)
    {
        _process = process;
        _process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null) _stderr.Append(e.Data);
        };
        _process.BeginErrorReadLine();
        _process.StandardInput.AutoFlush = true;
        _process.StandardInput.NewLine = "\n";
        _stdoutPump = Task.Run(PumpStdoutAsync);
    }

    /// <summary>The process id (the kernel itself: setpriv execs in place).</summary>
    public int Id => _process.Id;

    /// <summary>Lines the kernel wrote to stdout; completes when stdout closes (the process ended).</summary>
    public ChannelReader<string> Lines => _lines.Reader;

    /// <summary>True once the process has ended.</summary>
    public bool HasExited
    {
        get { try { return _process.HasExited; } catch (InvalidOperationException) { return true; } }
    }

    /// <summary>The exit code, once the process has ended.</summary>
    public int? ExitCode => HasExited ? SafeExitCode() : null;

    /// <summary>Starts a kernel.</summary>
    /// <exception cref="KernelUnavailableException">The program could not be started.</exception>
    public static async Task<KernelProcess> StartAsync(ProcessStartInfo start)
    {
        start.StandardInputEncoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        Process process;
        try
        {
            process = await ProcessSpawner.StartAsync(start);
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            throw new KernelUnavailableException($"could not start {start.FileName}: {e.Message}");
        }
        var kernel = new KernelProcess(process);
        LiveKernels.Add(kernel);
        return kernel;
    }

    /// <summary>Sends one command line; false when the kernel is gone.</summary>
    public bool TryWriteLine(string line)
    {
        lock (_stdinGate)
        {
            try
            {
                _process.StandardInput.WriteLine(line);
                return true;
            }
            catch (Exception e) when (e is IOException or ObjectDisposedException or InvalidOperationException)
            {
                return false;
            }
        }
    }

    /// <summary>What the kernel wrote to stderr since start or since <see cref="RestartStderr"/> (head and tail when long).</summary>
    public string Stderr() => _stderr.ToString();

    /// <summary>From now on <see cref="Stderr"/> holds only what is written after this call.</summary>
    public void RestartStderr() => _stderr.Restart();

    /// <summary>Waits up to <paramref name="grace"/> for the process to end and for its last stderr lines to arrive.</summary>
    public async Task WaitForExitAsync(TimeSpan grace)
    {
        using var timeout = new CancellationTokenSource(grace);
        try { await _process.WaitForExitAsync(timeout.Token); }
        catch (OperationCanceledException) { return; }
        // The parameterless wait also waits for the asynchronous stderr reader to reach end of file.
        _process.WaitForExit();
    }

    /// <summary>Kills the process and everything it started; safe to call more than once and from any thread.</summary>
    public void Kill()
    {
        if (Interlocked.Exchange(ref _killed, 1) == 1) return;
        try { if (!_process.HasExited) _process.Kill(entireProcessTree: true); }
        catch (InvalidOperationException) { }
        catch (System.ComponentModel.Win32Exception) { }
        finally { LiveKernels.Remove(this); }
    }

    /// <summary>Kills the tree and waits for the stdout reader to finish, then releases the process.</summary>
    public async Task DisposeAsync()
    {
        Kill();
        await _stdoutPump.ConfigureAwait(false);
        await WaitForExitAsync(TimeSpan.FromSeconds(5));
        _process.Dispose();
    }

    private async Task PumpStdoutAsync()
    {
        try
        {
            var reader = _process.StandardOutput;
            while (await reader.ReadLineAsync() is { } line) _lines.Writer.TryWrite(line);
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or InvalidOperationException) { }
        finally { _lines.Writer.TryComplete(); }
    }

    private int? SafeExitCode()
    {
        try { return _process.ExitCode; }
        catch (InvalidOperationException) { return null; }
    }
}
