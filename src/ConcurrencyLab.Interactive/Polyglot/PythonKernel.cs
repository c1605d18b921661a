using System.Text.Json;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.Events;

namespace ConcurrencyLab.Interactive.Polyglot;

/// <summary>
/// Python beside C# in one notebook: connects ipykernel as the <c>#!python</c> kernel through the kernel's own
/// <c>#!connect jupyter</c> when this machine has a Python kernelspec, and says plainly when it has not, so the
/// notebook's C# cells still run on a machine with only the .NET SDK.
/// </summary>
/// <example><code>
/// await ConcurrencyLab.Interactive.Polyglot.PythonKernel.ConnectAsync()   // setup cell: shows what happened
/// var times = await PythonKernel.GetAsync&lt;double[]&gt;("times");           // null when there is no Python kernel
/// </code></example>
public static class PythonKernel
{
    /// <summary>The name Python cells use (<c>#!python</c>).</summary>
    public const string KernelName = "python";

    /// <summary>The kernelspec Debian's <c>python3-ipykernel</c> and <c>python3 -m ipykernel install</c> register.</summary>
    public const string DefaultKernelSpec = "python3";

    /// <summary>How long connecting may take: 4.5–8 s on a quiet 2-core machine, up to a minute under heavy load.</summary>
    public static TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(90);

    /// <summary>Whether the notebook's kernel has a <c>#!python</c> kernel now.</summary>
    public static bool IsConnected => Find() is not null;

    /// <summary>
    /// Connects the kernelspec <paramref name="kernelSpec"/> as <c>#!python</c> if it exists; otherwise connects
    /// nothing and returns why. Connecting twice does nothing the second time.
    /// </summary>
    public static async Task<PythonKernelStatus> ConnectAsync(string kernelSpec = DefaultKernelSpec)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(kernelSpec);
        if (Find() is { } existing)
            return PythonKernelStatus.Connected(existing.KernelInfo.LanguageVersion, s_connectedSpec ?? "(connected by an earlier #!connect cell)", null, alreadyConnected: true);

        var (specs, problem) = JupyterKernelSpecs.List();
        if (problem is not null) return PythonKernelStatus.Unavailable(kernelSpec, problem);
        var spec = specs.FirstOrDefault(s => s.Name == kernelSpec);
        if (spec is null)
            return PythonKernelStatus.Unavailable(kernelSpec,
                $"Jupyter has no kernelspec named '{kernelSpec}' (it has: {(specs.Count == 0 ? "none" : string.Join(", ", specs.Select(s => s.Name)))})");

        // The kernel's own directive, sent from this cell: the connection then behaves exactly as a
        // "#!connect jupyter" cell would, in VS Code, Jupyter and nbrun alike.
        var root = CurrentRoot()
            ?? throw new InvalidOperationException("PythonKernel.ConnectAsync runs in a notebook cell: there is no kernel here to connect Python to.");
        // Sometimes the tool's connection waits for good although ipykernel is up and every socket is connected (seen
        // in 1 of 13 to 4 of 9 connects per series run here, never in a notebook run alone; the tool sends some of its
        // handshake requests before subscribing to their replies, which may be why, but delaying ipykernel's first
        // replies did not stop it). Bound the wait, so the cell fails with a reason rather than hanging until the
        // runner's timeout; runners retry the notebook (NBRUN_RETRIES). A second attempt in the same cell waits behind
        // the first, so it is not made here.
        var command = $"#!connect jupyter --kernel-name {KernelName} --kernel-spec {kernelSpec}";
        var result = await TrySendAsync(root, command, ConnectTimeout);
        if (result is null)
            throw new TimeoutException(
                $"{command} got no answer from ipykernel within {ConnectTimeout.TotalSeconds:0} s (a known race in the tool's connection); " +
                "restart the notebook's kernel and run this cell again.");
        if (result.Events.OfType<CommandFailed>().FirstOrDefault() is { } failed)
            throw new InvalidOperationException($"#!connect jupyter --kernel-spec {kernelSpec} failed: {failed.Message}");
        var connected = Find() ?? throw new InvalidOperationException($"#!connect jupyter --kernel-spec {kernelSpec} reported success but there is no '#!{KernelName}' kernel.");
        s_connectedSpec = kernelSpec;
        return PythonKernelStatus.Connected(connected.KernelInfo.LanguageVersion, kernelSpec, spec.ResourceDirectory, alreadyConnected: false);
    }

    private static async Task<KernelCommandResult?> TrySendAsync(Kernel root, string command, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            return await root.SendAsync(new SubmitCode(command), deadline.Token).WaitAsync(deadline.Token);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            return null;
        }
    }

    /// <summary>
    /// The Python variable <paramref name="name"/>, read as JSON into <typeparamref name="T"/> (a list as <c>double[]</c>
    /// or <c>List&lt;T&gt;</c>, a dict as <c>Dictionary&lt;string, T&gt;</c> or a record); <c>default</c> when there is
    /// no Python kernel, so a C# cell can chart .NET's numbers with or without Python's.
    /// </summary>
    /// <exception cref="InvalidOperationException">Python is connected but has no such variable, or it does not convert.</exception>
    public static async Task<T?> GetAsync<T>(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (CurrentRoot() is not { } root || root.FindKernelByName(KernelName) is null) return default;
        var result = await root.SendAsync(new RequestValue(name, "application/json", KernelName));
        if (result.Events.OfType<CommandFailed>().FirstOrDefault() is { } failed)
            throw new InvalidOperationException($"Python has no value '{name}' to share: {failed.Message}");
        var value = result.Events.OfType<ValueProduced>().FirstOrDefault()
            ?? throw new InvalidOperationException($"Python produced no value for '{name}'.");
        try
        {
            return JsonSerializer.Deserialize<T>(value.FormattedValue.Value, SerializerOptions);
        }
        catch (JsonException e)
        {
            throw new InvalidOperationException($"Python's '{name}' ({Shorten(value.FormattedValue.Value)}) does not read as {typeof(T).Name}: {e.Message}", e);
        }
    }

    // Which kernelspec this class connected, so asking again reports it rather than whatever the caller asked for.
    private static string? s_connectedSpec;

    private static readonly JsonSerializerOptions SerializerOptions = new() { PropertyNameCaseInsensitive = true };

    // Kernel.Root throws outside a cell; outside a cell there is no notebook, so no Python kernel either.
    private static Kernel? CurrentRoot() => KernelInvocationContext.Current?.HandlingKernel?.RootKernel;

    private static Kernel? Find() => CurrentRoot()?.FindKernelByName(KernelName);

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..77] + "...";
}
