using System.Globalization;

namespace NotebookRunner.Execution;

/// <summary>
/// One part of a series split over CI machines (<c>--shard 2/4</c>): the notebooks are sorted by name and dealt
/// round-robin, so every machine computes the same split from the same files, whatever their enumeration
/// order, and the parts differ in size by one at most.
/// </summary>
/// <param name="Index">1-based part number.</param>
/// <param name="Count">How many parts.</param>
public sealed record Shard(int Index, int Count)
{
    /// <summary>Parses <c>i/n</c> with 1 ≤ i ≤ n.</summary>
    /// <exception cref="FormatException">The text is not of that form; the message says what is expected.</exception>
    public static Shard Parse(string text)
    {
        var parts = text.Split('/');
        if (parts.Length != 2
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var count)
            || count < 1 || index < 1 || index > count)
            throw new FormatException($"--shard must be i/n with 1 <= i <= n (for example 2/4), not '{text}'");
        return new Shard(index, count);
    }

    /// <summary>This part's jobs, in their original order.</summary>
    public IReadOnlyList<NotebookJob> Select(IReadOnlyList<NotebookJob> jobs)
    {
        var order = jobs.Select(j => j.Name).Order(StringComparer.Ordinal).ToList();
        return [.. jobs.Where(j => order.IndexOf(j.Name) % Count == Index - 1)];
    }

    /// <inheritdoc />
    public override string ToString() => $"{Index}/{Count}";
}
