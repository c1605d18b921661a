using System.Diagnostics;
using System.Text.Json.Nodes;

namespace NotebookRunner.Kernel;

/// <summary>
/// A dotnet-interactive kernel started for one notebook and ready for its cells: the process has said
/// <c>KernelReady</c>, the notebook's default kernel has been warmed up, and events can be read one by one.
/// Dispose kills the process tree; the kernel never exits by itself.
/// </summary>
public sealed class KernelSession : IAsyncDisposable
{
    private readonly KernelProcess _process;
    private readonly HashSet<string> _kernelNames = new(StringComparer.OrdinalIgnoreCase);

    private KernelSession(KernelProcess process, KernelTool tool, string workingDirectory)
    {
        _process = process;
        Tool = tool;
        WorkingDirectory = workingDirectory;
    }

    /// <summary>The tool this kernel runs.</summary>
    public KernelTool Tool { get; }

    /// <summary>The kernel's working directory (the notebook's folder).</summary>
    public string WorkingDirectory { get; }

    /// <summary>From process start to <c>KernelReady</c>.</summary>
    public TimeSpan ReadyAfter { get; private set; }

    /// <summary>From process start to the end of the warm-up (to ready, without one).</summary>
    public TimeSpan WarmAfter { get; private set; }

    /// <summary>The kernel names and aliases this session knows (from <c>KernelReady</c>, and <c>KernelInfoProduced</c> as kernels are added).</summary>
    public IReadOnlyCollection<string> KernelNames => _kernelNames;

    /// <summary>True once the kernel process has ended (crashed, or killed).</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>The exit code once it has ended.</summary>
    public int? ExitCode => _process.ExitCode;

    /// <summary>
    /// Starts a kernel in <paramref name="workingDirectory"/>, waits for <c>KernelReady</c> and, when
    /// <paramref name="warmUpCode"/> is given, has <paramref name="defaultKernel"/> compile it without running it
    /// (see <see cref="KernelCommands.WarmUp"/>). Warming up pays only for a kernel started ahead of its turn: done
    /// just before the first cell it adds a compile of its own to that cell's wait.
    /// </summary>
    /// <exception cref="KernelUnavailableException">The process could not start, or died or stayed silent before it was ready; the message has its stderr.</exception>
    public static async Task<KernelSession> StartAsync(KernelTool tool, string workingDirectory, string defaultKernel, TimeSpan readyTimeout, string? warmUpCode = null, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        var process = await KernelProcess.StartAsync(tool.CreateStartInfo(workingDirectory, defaultKernel));
        var session = new KernelSession(process, tool, workingDirectory);
        try
        {
            await session.WaitUntilReadyAsync(readyTimeout, cancellationToken);
            session.ReadyAfter = clock.Elapsed;
            if (warmUpCode is not null) await session.WarmUpAsync(defaultKernel, warmUpCode, readyTimeout, cancellationToken);
            session.WarmAfter = clock.Elapsed;
            return session;
        }
        catch
        {
            await session.DisposeAsync();
            throw;
        }
    }

    /// <summary>Sends one command line (see <see cref="KernelCommands"/>); false when the kernel is gone.</summary>
    public bool Send(string commandLine) => _process.TryWriteLine(commandLine);

    /// <summary>
    /// The next event, or null once the kernel's stdout has closed (the process died). A line that is not an
    /// event (a cell that wrote to the process's real stdout) comes back as <see cref="KernelEventTypes.StandardOutputValueProduced"/>
    /// with no token. Throws <see cref="OperationCanceledException"/> when <paramref name="cancellationToken"/> fires first.
    /// </summary>
    public async ValueTask<KernelEvent?> ReadAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            if (!_process.Lines.TryRead(out var line))
            {
                if (!await _process.Lines.WaitToReadAsync(cancellationToken)) return null;
                continue;
            }
            if (line.Length == 0) continue;
            if (KernelEvent.TryParse(line) is not { } kernelEvent) return StrayOutput(line);
            if (kernelEvent.Type == KernelEventTypes.KernelInfoProduced && kernelEvent.Body["kernelInfo"] is JsonObject info) AddKernel(info);
            return kernelEvent;
        }
    }

    /// <summary>What the kernel wrote to stderr since it started or since the last <see cref="Send"/> of a cell (its crash report, when it died).</summary>
    public string Stderr() => _process.Stderr();

    /// <summary>Sends a cell's command line, so that <see cref="Stderr"/> then holds what the kernel writes while that cell runs.</summary>
    public bool SendCell(string commandLine)
    {
        _process.RestartStderr();
        return Send(commandLine);
    }

    /// <summary>Waits a little for a dying process to finish and flush its stderr.</summary>
    public Task WaitForExitAsync(TimeSpan grace) => _process.WaitForExitAsync(grace);

    /// <summary>Kills the kernel's process tree at once.</summary>
    public void Kill() => _process.Kill();

    /// <inheritdoc />
    public async ValueTask DisposeAsync() => await _process.DisposeAsync();

    private async Task WaitUntilReadyAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            while (await ReadAsync(deadline.Token) is { } kernelEvent)
            {
                if (kernelEvent.Type != KernelEventTypes.KernelReady) continue;
                foreach (var info in (kernelEvent.Body["kernelInfos"] as JsonArray ?? []).OfType<JsonObject>()) AddKernel(info);
                return;
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw Unavailable($"did not say KernelReady within {timeout.TotalSeconds:0.#} s");
        }
        await _process.WaitForExitAsync(TimeSpan.FromSeconds(5));
        throw Unavailable($"exited{(ExitCode is { } code ? $" with code {code}" : "")} before it was ready");
    }

    private async Task WarmUpAsync(string kernelName, string warmUpCode, TimeSpan timeout, CancellationToken cancellationToken)
    {
        // Only kernels that compile code have first-use work worth doing ahead of the first cell.
        if (kernelName is not ("csharp" or "fsharp") || !_kernelNames.Contains(kernelName)) return;
        const string token = "nbrun-warmup";
        if (!Send(KernelCommands.WarmUp(token, kernelName, warmUpCode))) return;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            while (await ReadAsync(deadline.Token) is { } kernelEvent)
                if (kernelEvent.Ends(token)) return;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw Unavailable($"did not finish warming up the {kernelName} kernel within {timeout.TotalSeconds:0.#} s");
        }
        await _process.WaitForExitAsync(TimeSpan.FromSeconds(5));
        throw Unavailable($"exited{(ExitCode is { } code ? $" with code {code}" : "")} while warming up the {kernelName} kernel");
    }

    private KernelUnavailableException Unavailable(string what)
    {
        var stderr = Stderr();
        return new KernelUnavailableException($"{Tool.Description} {what}{(stderr.Length > 0 ? ": " + stderr : " (nothing on stderr)")}");
    }

    private void AddKernel(JsonObject info)
    {
        if (info["localName"] is JsonValue name && name.TryGetValue<string>(out var localName) && localName.Length > 0) _kernelNames.Add(localName);
        foreach (var alias in (info["aliases"] as JsonArray ?? []).OfType<JsonValue>())
            if (alias.TryGetValue<string>(out var text) && text.Length > 0) _kernelNames.Add(text);
    }

    private static KernelEvent StrayOutput(string line) => new(
        KernelEventTypes.StandardOutputValueProduced, null, null,
        new JsonObject { ["formattedValues"] = new JsonArray(new JsonObject { ["mimeType"] = "text/plain", ["value"] = line + "\n" }) });
}
