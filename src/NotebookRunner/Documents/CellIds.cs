using System.Security.Cryptography;
using System.Text;
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

    /// <summary>
    /// An id derived from <paramref name="seed"/> alone, so converting the same file twice gives the same
    /// ids: the first 8 hex characters of its SHA-256, more (up to all 64) if a shorter prefix is in
    /// <paramref name="taken"/>; adds it there. Callers make seeds unique (e.g. by counting repeats).
    /// </summary>
    public static string Stable(string seed, HashSet<string> taken)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(seed)));
        for (var length = 8; length <= hash.Length; length += 4)
        {
            if (taken.Add(hash[..length]))
            {
                return hash[..length];
            }
        }

        throw new ArgumentException("Two cells have the same id seed; seeds must be unique.", nameof(seed));
    }
}
