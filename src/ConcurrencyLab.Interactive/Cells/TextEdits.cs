using System.Text;

namespace ConcurrencyLab.Interactive.Cells;

/// <summary>
/// Insertions and replacements in a cell's code by position in the original text, applied together, so each edit is
/// written against the code the learner wrote.
/// </summary>
internal sealed class TextEdits
{
    private readonly List<(int Start, int Length, string Text, int Order)> _edits = new();

    public void Insert(int position, string text) => Replace(position, 0, text);

    public void Replace(int start, int length, string text) => _edits.Add((start, length, text, _edits.Count));

    public string ApplyTo(string code)
    {
        var result = new StringBuilder(code);
        // From the end, so earlier positions stay valid; at one position, the edit added first ends up first.
        foreach (var edit in _edits.OrderByDescending(e => e.Start).ThenByDescending(e => e.Order))
            result.Remove(edit.Start, edit.Length).Insert(edit.Start, edit.Text);
        return result.ToString();
    }
}
