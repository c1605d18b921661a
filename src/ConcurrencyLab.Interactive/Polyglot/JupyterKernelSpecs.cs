using System.ComponentModel;
using System.Diagnostics;
using System.Text.Json;

namespace ConcurrencyLab.Interactive.Polyglot;

/// <summary>One Jupyter kernelspec: its name, the folder it lives in and the language it declares.</summary>
public sealed record JupyterKernelSpec(string Name, string ResourceDirectory, string? Language, string? DisplayName);

/// <summary>
/// The Jupyter kernelspecs this machine has, found the way <c>#!connect jupyter</c> finds them: by asking
/// <c>jupyter kernelspec list --json</c>. Asking the same source means "found here" and "the kernel can connect" agree.
/// </summary>
internal static class JupyterKernelSpecs
{
    private static readonly TimeSpan ListTimeout = TimeSpan.FromSeconds(20);

    /// <summary>The kernelspecs, or why there are none (no <c>jupyter</c> command, or it failed).</summary>
    public static async Task<(IReadOnlyList<JupyterKernelSpec> Specs, string? Problem)> ListAsync(CancellationToken cancellationToken = default)
    {
        var start = new ProcessStartInfo("jupyter") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("kernelspec");
        start.ArgumentList.Add("list");
        start.ArgumentList.Add("--json");
        // Python's debugger prints frozen-module warnings to stderr when this variable is unset; they are noise here.
        start.Environment["PYDEVD_DISABLE_FILE_VALIDATION"] = "1";
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new Win32Exception("could not start jupyter");
        }
        catch (Win32Exception)
        {
            return ([], "there is no `jupyter` command on PATH (Jupyter is not installed)");
        }

        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(ListTimeout);
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                process.Kill(entireProcessTree: true);
                return ([], $"`jupyter kernelspec list --json` did not answer within {ListTimeout.TotalSeconds:0} s");
            }
            if (process.ExitCode != 0)
                return ([], $"`jupyter kernelspec list --json` failed (exit {process.ExitCode}): {LastLine(await stderr)}");
            return Parse(await stdout);
        }
    }

    /// <summary>Reads the JSON <c>jupyter kernelspec list --json</c> prints.</summary>
    internal static (IReadOnlyList<JupyterKernelSpec> Specs, string? Problem) Parse(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            if (!document.RootElement.TryGetProperty("kernelspecs", out var specs) || specs.ValueKind != JsonValueKind.Object)
                return ([], "`jupyter kernelspec list --json` printed no \"kernelspecs\" object");
            var list = new List<JupyterKernelSpec>();
            foreach (var entry in specs.EnumerateObject())
            {
                var directory = entry.Value.TryGetProperty("resource_dir", out var dir) ? dir.GetString() ?? "" : "";
                string? language = null, displayName = null;
                if (entry.Value.TryGetProperty("spec", out var spec) && spec.ValueKind == JsonValueKind.Object)
                {
                    if (spec.TryGetProperty("language", out var lang)) language = lang.GetString();
                    if (spec.TryGetProperty("display_name", out var display)) displayName = display.GetString();
                }
                list.Add(new JupyterKernelSpec(entry.Name, directory, language, displayName));
            }
            return (list, null);
        }
        catch (JsonException e)
        {
            return ([], $"`jupyter kernelspec list --json` printed something that is not JSON ({e.Message})");
        }
    }

    private static string LastLine(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? "(no message)";
}
