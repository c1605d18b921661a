using System.Text.RegularExpressions;

namespace ConcurrencyLab.Interactive.Cells;

/// <summary>
/// Where a magic command sits in its cell and the C# code after it. A cell-level magic owns the whole cell: only blank
/// lines or a C# kernel selector may come before it, and the rest must be C# code with no further magic commands.
/// </summary>
internal sealed partial class CellText
{
    private static readonly HashSet<string> CSharpSelectors = new(StringComparer.Ordinal) { "#!csharp", "#!c#", "#!C#", "#!cs" };

    private CellText(string rest, int restFirstLine)
    {
        Rest = rest;
        RestFirstLine = restFirstLine;
    }

    /// <summary>The code after the magic's line.</summary>
    public string Rest { get; }

    /// <summary>The 1-based line of the cell where <see cref="Rest"/> starts, for error positions.</summary>
    public int RestFirstLine { get; }

    /// <summary>
    /// Finds <paramref name="magic"/> in <paramref name="cell"/> and checks its place.
    /// </summary>
    /// <param name="magic">The magic's name, e.g. <c>#!measure</c>.</param>
    /// <param name="cell">The whole cell as submitted.</param>
    /// <param name="allowCompilerReferences">Whether plain <c>#r "file.dll"</c> lines may stay in the rest.</param>
    /// <exception cref="MagicCellException">The magic is not first, the rest is empty, or holds another magic.</exception>
    public static CellText Locate(string magic, string cell, bool allowCompilerReferences)
    {
        var lines = LineBreak().Split(cell);
        var index = Array.FindIndex(lines, line => IsMagicLine(line, magic));
        if (index < 0)
            throw new MagicCellException($"{magic}: the magic command was not found at the start of a line of its cell.");
        for (var before = 0; before < index; before++)
        {
            var text = lines[before].Trim();
            if (text.Length == 0 || CSharpSelectors.Contains(text)) continue;
            if (text.StartsWith("#!", StringComparison.Ordinal))
                throw new MagicCellException($"{magic} works in C# cells; line {before + 1} switches this cell to '{text[2..].Split(' ')[0]}'.");
            throw new MagicCellException($"{magic} must be the first line of its cell: line {before + 1} has code before it. Move {magic} to the top.");
        }

        for (var after = index + 1; after < lines.Length; after++)
        {
            var text = lines[after].TrimStart();
            if (text.StartsWith("#!", StringComparison.Ordinal))
            {
                var other = text.Split(' ', 2)[0];
                throw new MagicCellException(CSharpSelectors.Contains(other) || other == magic
                    ? $"{magic}: line {after + 1} has '{other}'; a cell holds {magic} once, on its first line."
                    : $"{magic} works on C# code only; line {after + 1} has the magic command '{other}'. Put it in a cell of its own.");
            }
            if (text.StartsWith("#i ", StringComparison.Ordinal) || (text.StartsWith("#r", StringComparison.Ordinal) && (!allowCompilerReferences || text.Contains("nuget:", StringComparison.OrdinalIgnoreCase))))
                throw new MagicCellException($"{magic}: line {after + 1} loads a package or assembly ('{text.Split(' ', 2)[0]}'); do that in an earlier cell.");
        }

        var rest = string.Join("\n", lines.Skip(index + 1));
        return new CellText(rest, index + 2);
    }

    private static bool IsMagicLine(string line, string magic)
    {
        var text = line.TrimStart();
        return text.StartsWith(magic, StringComparison.Ordinal) && (text.Length == magic.Length || char.IsWhiteSpace(text[magic.Length]));
    }

    [GeneratedRegex("\r\n|\n|\r")]
    private static partial Regex LineBreak();
}
