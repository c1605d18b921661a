using System.Text.Json.Nodes;

namespace NotebookRunner.Documents;

/// <summary>Notebook metadata as VS Code Polyglot Notebooks writes it into an <c>.ipynb</c>.</summary>
internal static class PolyglotMetadata
{
    /// <summary>
    /// <c>kernelspec</c>, <c>language_info</c> and <c>polyglot_notebook.kernelInfo</c> for a notebook whose
    /// default kernel is <paramref name="defaultKernelName"/> and whose kernels are <paramref name="items"/>
    /// (each made by <see cref="Item"/>).
    /// </summary>
    public static JsonObject ForNotebook(string defaultKernelName, IEnumerable<JsonObject> items) => new()
    {
        ["kernelspec"] = Kernelspec(defaultKernelName),
        ["language_info"] = LanguageInfo(defaultKernelName),
        ["polyglot_notebook"] = new JsonObject
        {
            ["kernelInfo"] = new JsonObject
            {
                ["defaultKernelName"] = defaultKernelName,
                ["items"] = new JsonArray([.. items]),
            },
        },
    };

    /// <summary>One <c>kernelInfo.items</c> entry: <c>name</c>, <c>aliases</c>, and <c>languageName</c> only when known.</summary>
    public static JsonObject Item(string name, IEnumerable<string> aliases, string? languageName)
    {
        var item = new JsonObject
        {
            ["aliases"] = new JsonArray([.. aliases.Select(a => (JsonNode)a)]),
            ["name"] = name,
        };
        if (languageName is not null)
        {
            item["languageName"] = languageName;
        }

        return item;
    }

    /// <summary>
    /// <c>language_info</c>: the name Polyglot Notebooks writes (it resets <c>name</c> on every save and keeps the rest),
    /// plus the default kernel's lexer, which nbconvert prefers to the name: without it nbconvert finds no lexer for
    /// "polyglot-notebook" and the code is not highlighted.
    /// </summary>
    public static JsonObject LanguageInfo(string defaultKernelName)
    {
        var (lexer, extension, mimeType) = defaultKernelName switch
        {
            "fsharp" => ("fsharp", ".fs", "text/x-fsharp"),
            "pwsh" => ("powershell", ".ps1", "text/x-powershell"),
            _ => ("csharp", ".cs", "text/x-csharp"),
        };
        return new JsonObject
        {
            ["file_extension"] = extension,
            ["mimetype"] = mimeType,
            ["name"] = "polyglot-notebook",
            ["pygments_lexer"] = lexer,
        };
    }

    // The kernelspecs `dotnet interactive jupyter install` lays down; VS Code hard-codes the same three
    // and writes the C# one for any other default kernel.
    private static JsonObject Kernelspec(string defaultKernelName) => defaultKernelName switch
    {
        "fsharp" => Spec(".NET (F#)", "F#", ".net-fsharp"),
        "pwsh" => Spec(".NET (PowerShell)", "PowerShell", ".net-pwsh"),
        _ => Spec(".NET (C#)", "C#", ".net-csharp"),
    };

    private static JsonObject Spec(string displayName, string language, string name) => new()
    {
        ["display_name"] = displayName,
        ["language"] = language,
        ["name"] = name,
    };
}
