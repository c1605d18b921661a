using System.Text.Json;
using System.Text.Json.Nodes;

namespace NotebookRunner.Kernel;

/// <summary>
/// The local tool manifest (<c>.config/dotnet-tools.json</c> or <c>dotnet-tools.json</c>) that pins the
/// dotnet-interactive tool, found the way <c>dotnet tool run</c> finds it: from a folder upwards.
/// </summary>
/// <param name="Path">The manifest file.</param>
/// <param name="Version">The pinned version of <see cref="PackageId"/>.</param>
public sealed record KernelToolManifest(string Path, string Version)
{
    /// <summary>The NuGet id of the tool (manifests store ids lower-cased).</summary>
    public const string PackageId = "microsoft.dotnet-interactive";

    /// <summary>The folder <c>dotnet tool restore</c> must run in for this manifest.</summary>
    public string Folder
    {
        get
        {
            var folder = System.IO.Path.GetDirectoryName(Path)!;
            return System.IO.Path.GetFileName(folder) == ".config" ? System.IO.Path.GetDirectoryName(folder)! : folder;
        }
    }

    /// <summary>
    /// The nearest manifest at or above <paramref name="folder"/> that pins the tool, or null when none does.
    /// A manifest that exists but cannot be read is an error naming it, not a silent fallback.
    /// </summary>
    /// <exception cref="KernelUnavailableException">A manifest on the way up is not valid JSON.</exception>
    public static KernelToolManifest? Find(string folder)
    {
        for (var current = new DirectoryInfo(System.IO.Path.GetFullPath(folder)); current is not null; current = current.Parent)
        {
            foreach (var candidate in new[] { System.IO.Path.Combine(current.FullName, ".config", "dotnet-tools.json"), System.IO.Path.Combine(current.FullName, "dotnet-tools.json") })
            {
                if (!File.Exists(candidate)) continue;
                if (Read(candidate) is { } manifest) return manifest;
                // `dotnet tool run` keeps looking upwards unless a manifest says isRoot; so do we.
                if (IsRoot(candidate)) return null;
            }
        }
        return null;
    }

    private static KernelToolManifest? Read(string path)
    {
        var tools = Parse(path)["tools"] as JsonObject;
        var entry = tools?.FirstOrDefault(t => string.Equals(t.Key, PackageId, StringComparison.OrdinalIgnoreCase)).Value as JsonObject;
        if (entry is null) return null;
        return entry["version"] is JsonValue version && version.TryGetValue<string>(out var text) && text.Length > 0
            ? new KernelToolManifest(path, text)
            : throw new KernelUnavailableException($"{path}: the entry for {PackageId} has no \"version\"");
    }

    private static bool IsRoot(string path) => Parse(path)["isRoot"] is JsonValue root && root.TryGetValue<bool>(out var value) && value;

    private static JsonObject Parse(string path)
    {
        try
        {
            return JsonNode.Parse(File.ReadAllText(path)) as JsonObject
                ?? throw new KernelUnavailableException($"{path}: a tool manifest must be a JSON object");
        }
        catch (JsonException e)
        {
            throw new KernelUnavailableException($"{path}: not a valid tool manifest: {e.Message}");
        }
    }
}
