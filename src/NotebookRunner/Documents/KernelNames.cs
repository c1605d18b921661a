namespace NotebookRunner.Documents;

/// <summary>Normalises the kernel names and aliases found in Polyglot/.NET Interactive metadata.</summary>
public static class KernelNames
{
    /// <summary>The C# kernel's canonical name.</summary>
    public const string CSharp = "csharp";

    /// <summary>
    /// Maps a known alias (<c>C#</c>, <c>c#</c>, <c>cs</c>, <c>F#</c>, <c>PowerShell</c>, ...) to the
    /// canonical kernel name; other names are returned unchanged.
    /// </summary>
    public static string Normalize(string name) => name.Trim().ToLowerInvariant() switch
    {
        "c#" or "cs" or "csharp" => CSharp,
        "f#" or "fs" or "fsharp" => "fsharp",
        "powershell" or "pwsh" => "pwsh",
        _ => name.Trim(),
    };
}
