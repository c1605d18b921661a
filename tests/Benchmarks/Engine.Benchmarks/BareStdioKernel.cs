using System.Diagnostics;
using System.Text;
using NotebookRunner.Execution;
using NotebookRunner.Kernel;

/// <summary>
/// The least a client can do with the same kernel: start the tool's process, wait for KernelReady, write a
/// SubmitCode line, read lines until the one that ends it. No parsing beyond a substring test, no outputs kept.
/// It is the floor nbrun is measured against.
/// </summary>
internal sealed class BareStdioKernel : IAsyncDisposable
{
    private readonly Process _process;
    private int _next;

    private BareStdioKernel(Process process) => _process = process;

    public TimeSpan ReadyAfter { get; private set; }

    public static async Task<BareStdioKernel> StartAsync(string workingDirectory)
    {
        var tool = await KernelToolResolver.ResolveAsync(workingDirectory);
        var start = tool.CreateStartInfo(workingDirectory, "csharp");
        start.StandardInputEncoding = new UTF8Encoding(false);
        var clock = Stopwatch.StartNew();
        var kernel = new BareStdioKernel(Process.Start(start)!);
        kernel._process.StandardInput.AutoFlush = true;
        kernel._process.StandardInput.NewLine = "\n";
        kernel._process.BeginErrorReadLine();
        while (await kernel._process.StandardOutput.ReadLineAsync() is { } line)
        {
            if (!line.Contains("\"eventType\":\"KernelReady\"", StringComparison.Ordinal)) continue;
            kernel.ReadyAfter = clock.Elapsed;
            return kernel;
        }
        throw new InvalidOperationException("the kernel exited before KernelReady");
    }

    /// <summary>Runs one C# cell and returns how long it took from write to its CommandSucceeded/CommandFailed.</summary>
    public async Task<TimeSpan> SubmitAsync(string code)
    {
        var token = $"bare-{_next++}";
        var end = $"\"command\":{{\"token\":\"{token}\"";
        var clock = Stopwatch.StartNew();
        await _process.StandardInput.WriteLineAsync(KernelCommands.SubmitCode(token, code, "csharp"));
        while (await _process.StandardOutput.ReadLineAsync() is { } line)
        {
            if ((line.Contains("\"eventType\":\"CommandSucceeded\"", StringComparison.Ordinal) || line.Contains("\"eventType\":\"CommandFailed\"", StringComparison.Ordinal))
                && line.Contains(end, StringComparison.Ordinal))
                return clock.Elapsed;
        }
        throw new InvalidOperationException("the kernel exited during a cell");
    }

    public async ValueTask DisposeAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
    }
}
