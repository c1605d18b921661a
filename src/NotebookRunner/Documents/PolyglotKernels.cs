using Microsoft.DotNet.Interactive.Documents;

namespace NotebookRunner.Documents;

/// <summary>
/// The kernels a Polyglot Notebooks session knows, which Microsoft.DotNet.Interactive.Documents needs to
/// tell a <c>#!fsharp</c> cell header or first line from a magic command such as <c>#!time</c>.
/// </summary>
internal static class PolyglotKernels
{
    /// <summary>The kernel Polyglot Notebooks gives a notebook that names none (VS Code's default metadata).</summary>
    public const string DefaultKernelName = KernelNames.CSharp;

    // What dotnet-interactive 1.0.712001 lists in KernelReady (name, language, aliases; measured over stdio),
    // without the composite ".NET" root, plus VS Code's front-end JavaScript kernel ("js"), which a
    // Polyglot session has and headless stdio has not: its cells must still be told apart, so the
    // runner can fail them rather than send JavaScript to the C# kernel.
    private static readonly (string Name, string? Language, string[] Aliases)[] Known =
    [
        ("csharp", "C#", ["c#", "C#"]),
        ("fsharp", "F#", ["f#", "F#"]),
        ("pwsh", "PowerShell", ["powershell"]),
        ("html", "HTML", []),
        ("value", null, []),
        ("mermaid", "Mermaid", []),
        ("http", "HTTP", []),
        ("javascript", "JavaScript", ["js"]),
    ];

    /// <summary>
    /// A fresh collection (Documents mutates what it is given) of the known kernels, then each of
    /// <paramref name="declared"/> (e.g. a <c>#!connect</c>ed <c>python</c> kernel a notebook's metadata
    /// lists) whose name and aliases are all new (see <see cref="Describe"/>), with <paramref name="defaultKernelName"/>
    /// as default.
    /// </summary>
    public static KernelInfoCollection Create(string defaultKernelName, IEnumerable<KernelInfo>? declared = null)
    {
        var kernels = new KernelInfoCollection();
        foreach (var (name, language, aliases) in Known)
        {
            kernels.Add(new KernelInfo(name, language, aliases));
        }

        foreach (var kernel in declared ?? [])
        {
            // The collection throws on a name or alias it already has: the known kernel (or the first) wins.
            if (!kernels.Contains(kernel.Name) && !kernel.Aliases.Any(kernels.Contains))
            {
                kernels.Add(kernel);
            }
        }

        if (!kernels.Contains(defaultKernelName) && Describe(defaultKernelName, null, []) is { } unknownDefault)
        {
            kernels.Add(unknownDefault);
        }

        // A name Documents cannot take as a kernel stays unset; callers fall back to it themselves.
        if (kernels.Contains(defaultKernelName))
        {
            kernels.DefaultKernelName = defaultKernelName;
        }

        return kernels;
    }

    /// <summary>
    /// A kernel description Documents accepts, or null when <paramref name="name"/> cannot be one (blank, or
    /// starting with <c>#</c>). Aliases it would reject (blank, <c>#</c>…, repeated, the name itself) are left out.
    /// </summary>
    public static KernelInfo? Describe(string name, string? languageName, IEnumerable<string> aliases)
    {
        if (!IsUsable(name))
        {
            return null;
        }

        var usable = aliases.Where(a => IsUsable(a) && a != name).Distinct(StringComparer.Ordinal).ToArray();
        return new KernelInfo(name, languageName, usable);

        static bool IsUsable(string value) => !string.IsNullOrWhiteSpace(value) && !value.StartsWith('#');
    }

    /// <summary>The known kernel's aliases and language, as a session reports them; none for other names.</summary>
    public static (IReadOnlyList<string> Aliases, string? LanguageName) AsReported(string kernelName)
    {
        foreach (var (name, language, aliases) in Known)
        {
            if (name == kernelName)
            {
                return (aliases, language);
            }
        }

        return ([], null);
    }
}
