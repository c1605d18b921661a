using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ConcurrencyLab.Interactive.Tests;

/// <summary>
/// The real kernel, the way VS Code Polyglot and the notebook runner drive it: the pinned dotnet-interactive tool over
/// stdio, one JSON envelope per line each way, the working directory a notebook's folder. Read as raw JSON, so the
/// magics' own command types need no registration. The process tree is killed on dispose (the tool ignores stdin EOF).
/// </summary>
internal sealed class StdioKernel : IAsyncDisposable
{
    private readonly Process _process;
    private readonly BlockingCollection<JsonObject> _events = new();
    private int _cells;

    private StdioKernel(Process process)
    {
        _process = process;
        _ = Task.Run(ReadEvents);
    }

    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static async Task<StdioKernel> StartAsync(string workingDirectory, CancellationToken cancellationToken)
    {
        // The tool is pinned in the repository's manifest; restore it if this machine has not yet.
        await RunToCompletionAsync("dotnet", ["tool", "restore"], cancellationToken);
        var start = new ProcessStartInfo("dotnet", ["tool", "run", "dotnet-interactive", "--", "stdio", "--working-dir", workingDirectory])
        {
            WorkingDirectory = RepositoryRoot,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["DOTNET_INTERACTIVE_CLI_TELEMETRY_OPTOUT"] = "1";
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet-interactive did not start.");
        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        var kernel = new StdioKernel(process);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(3));
        while (true)
        {
            var next = kernel._events.Take(timeout.Token);
            if ((string?)next["eventType"] == "KernelReady") return kernel;
        }
    }

    /// <summary>Runs one cell and returns its events, the last one CommandSucceeded or CommandFailed.</summary>
    public List<JsonObject> Run(string code, string kernelName, CancellationToken cancellationToken)
    {
        var token = $"cell-{++_cells}";
        var envelope = new JsonObject
        {
            ["token"] = token,
            ["commandType"] = "SubmitCode",
            ["command"] = new JsonObject { ["code"] = code, ["parameters"] = new JsonObject(), ["targetKernelName"] = kernelName },
            ["routingSlip"] = new JsonArray(),
        };
        _process.StandardInput.WriteLine(envelope.ToJsonString());
        _process.StandardInput.Flush();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(3));
        var events = new List<JsonObject>();
        while (true)
        {
            var next = _events.Take(timeout.Token);
            var eventToken = (string?)next["command"]?["token"] ?? "";
            if (eventToken != token && !eventToken.StartsWith(token + ".", StringComparison.Ordinal)) continue;
            events.Add(next);
            if (eventToken == token && (string?)next["eventType"] is "CommandSucceeded" or "CommandFailed") return events;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        catch (InvalidOperationException)
        {
            // already gone
        }
        _process.Dispose();
    }

    private void ReadEvents()
    {
        while (_process.StandardOutput.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] != '{') continue;
            try
            {
                if (JsonNode.Parse(line) is JsonObject json && json.ContainsKey("eventType")) _events.Add(json);
            }
            catch (JsonException)
            {
                // not an envelope (the tool's own log lines)
            }
        }
        _events.CompleteAdding();
    }

    private static async Task RunToCompletionAsync(string file, string[] arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(file, arguments) { WorkingDirectory = RepositoryRoot, RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} exited {process.ExitCode}: {await output}{await error}");
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Notebooks.sln"))) return dir.FullName;
        throw new InvalidOperationException("Notebooks.sln not found above " + AppContext.BaseDirectory);
    }
}
