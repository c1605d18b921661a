using System.Text.Json;

namespace ConcurrencyLab.Interactive.Polyglot;

/// <summary>One Jupyter kernelspec: its name, the folder it lives in and the language it declares.</summary>
public sealed record JupyterKernelSpec(string Name, string ResourceDirectory, string? Language, string? DisplayName);

/// <summary>
/// The Jupyter kernelspecs <c>#!connect jupyter</c> can use, found where Jupyter itself keeps them: the
/// <c>kernels/&lt;name&gt;/kernel.json</c> folders of <c>JUPYTER_PATH</c>, the user's data directory, the prefix of the
/// <c>jupyter</c> command on PATH (a venv or conda environment) and the system directories, in Jupyter's order.
/// </summary>
/// <remarks>
/// Reading the folders takes microseconds; asking <c>jupyter kernelspec list --json</c> costs a Python start-up
/// (1.2–1.4 s here), and <c>#!connect jupyter</c> asks it once more anyway. The connection runs that command, so
/// without a <c>jupyter</c> command on PATH there is nothing to connect, whatever the folders hold.
/// </remarks>
internal static class JupyterKernelSpecs
{
    /// <summary>The kernelspecs, or why there are none.</summary>
    /// <param name="environment">Reads an environment variable (tests pass their own).</param>
    public static (IReadOnlyList<JupyterKernelSpec> Specs, string? Problem) List(Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        if (FindOnPath("jupyter", environment("PATH")) is not { } jupyter)
            return ([], "there is no `jupyter` command on PATH (Jupyter is not installed)");

        var specs = new List<JupyterKernelSpec>();
        foreach (var directory in DataDirectories(jupyter, environment))
        {
            var kernels = Path.Combine(directory, "kernels");
            if (!Directory.Exists(kernels)) continue;
            foreach (var folder in Directory.EnumerateDirectories(kernels).Order(StringComparer.Ordinal))
            {
                var name = Path.GetFileName(folder);
                // The first directory that has a name wins, as in Jupyter.
                if (specs.Any(s => s.Name == name) || Read(name, folder) is not { } spec) continue;
                specs.Add(spec);
            }
        }
        return (specs, null);
    }

    /// <summary>Jupyter's data directories, highest priority first.</summary>
    internal static IEnumerable<string> DataDirectories(string jupyterCommand, Func<string, string?> environment)
    {
        foreach (var entry in (environment("JUPYTER_PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
            yield return entry;
        if (environment("JUPYTER_DATA_DIR") is { Length: > 0 } dataDir)
            yield return dataDir;
        else if (UserDataDirectory(environment) is { } user)
            yield return user;
        // <prefix>/bin/jupyter → <prefix>/share/jupyter: the environment jupyter belongs to (venv, conda, /usr).
        if (Path.GetDirectoryName(Path.GetDirectoryName(Path.GetFullPath(jupyterCommand))) is { } prefix)
            yield return Path.Combine(prefix, "share", "jupyter");
        if (OperatingSystem.IsWindows())
        {
            if (environment("PROGRAMDATA") is { Length: > 0 } programData) yield return Path.Combine(programData, "jupyter");
        }
        else
        {
            yield return "/usr/local/share/jupyter";
            yield return "/usr/share/jupyter";
        }
    }

    private static string? UserDataDirectory(Func<string, string?> environment)
    {
        if (OperatingSystem.IsWindows())
            return environment("APPDATA") is { Length: > 0 } appData ? Path.Combine(appData, "jupyter") : null;
        if (environment("HOME") is not { Length: > 0 } home) return null;
        if (OperatingSystem.IsMacOS()) return Path.Combine(home, "Library", "Jupyter");
        return environment("XDG_DATA_HOME") is { Length: > 0 } xdg ? Path.Combine(xdg, "jupyter") : Path.Combine(home, ".local", "share", "jupyter");
    }

    private static JupyterKernelSpec? Read(string name, string folder)
    {
        var file = Path.Combine(folder, "kernel.json");
        if (!File.Exists(file)) return null;
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(file));
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return null;
            return new JupyterKernelSpec(name, folder, Text(root, "language"), Text(root, "display_name"));
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException)
        {
            // Jupyter skips a kernelspec it cannot read; so does the connection.
            return null;
        }
    }

    private static string? Text(JsonElement root, string property) =>
        root.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string? FindOnPath(string command, string? path)
    {
        string[] names = OperatingSystem.IsWindows() ? [command + ".exe", command + ".cmd", command] : [command];
        foreach (var directory in (path ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
            foreach (var name in names)
            {
                var candidate = Path.Combine(directory, name);
                if (File.Exists(candidate)) return candidate;
            }
        return null;
    }
}
