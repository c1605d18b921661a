using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace NotebookRunner.Documents;

/// <summary>Cell id rules of nbformat 4.5: 1–64 chars of <c>[a-zA-Z0-9-_]</c>, unique within a notebook.</summary>
internal static partial class CellIds
{
    [GeneratedRegex("^[a-zA-Z0-9-_]{1,64}$")]
    private static partial Regex ValidId();

    public static bool IsValid(string? id) => id is not null && ValidId().IsMatch(id);

    /// <summary>A new id of 8 lowercase hex characters, as nbformat's <c>uuid4().hex[:8]</c>.</summary>
    public static string NewId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));

    /// <summary>A new id not in <paramref name="taken"/>; adds it there.</summary>
    public static string NewUniqueId(HashSet<string> taken)
    {
        string id;
        do
        {
            id = NewId();
        }
        while (!taken.Add(id));

        return id;
    }
}
