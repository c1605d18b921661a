using System.Text;

namespace NotebookRunner.Documents;

/// <summary>
/// Reads a notebook file's text strictly: UTF-8 (with or without a byte order mark), or UTF-16/UTF-32 when a
/// byte order mark says so. Bytes that do not decode are an error naming the line, never silently replaced:
/// a replaced byte would be written back as U+FFFD and the original lost.
/// </summary>
internal static class NotebookText
{
    private static readonly (byte[] Bom, Encoding Strict, Encoding Lenient, string Name)[] Encodings =
    [
        // UTF-32 LE first: its mark starts with UTF-16 LE's.
        ([0xFF, 0xFE, 0x00, 0x00], new UTF32Encoding(false, false, true), new UTF32Encoding(false, false), "UTF-32"),
        ([0x00, 0x00, 0xFE, 0xFF], new UTF32Encoding(true, false, true), new UTF32Encoding(true, false), "UTF-32"),
        ([0xEF, 0xBB, 0xBF], new UTF8Encoding(false, true), new UTF8Encoding(false), "UTF-8"),
        ([0xFF, 0xFE], new UnicodeEncoding(false, false, true), new UnicodeEncoding(false, false), "UTF-16"),
        ([0xFE, 0xFF], new UnicodeEncoding(true, false, true), new UnicodeEncoding(true, false), "UTF-16"),
        ([], new UTF8Encoding(false, true), new UTF8Encoding(false), "UTF-8"),
    ];

    /// <summary>Reads <paramref name="path"/>; <paramref name="fileName"/> names it in errors.</summary>
    /// <exception cref="NotebookFormatException">The bytes are not text in the encoding they claim (UTF-8 when no mark).</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static string Read(string path, string fileName) => Decode(File.ReadAllBytes(path), fileName);

    /// <summary>Decodes a file's bytes; see <see cref="Read"/>.</summary>
    public static string Decode(byte[] bytes, string fileName)
    {
        var (bom, strict, lenient, name) = Encodings.First(e => bytes.AsSpan().StartsWith(e.Bom));
        var body = bytes.AsSpan(bom.Length);
        try
        {
            return strict.GetString(body);
        }
        catch (DecoderFallbackException ex)
        {
            // The text before the bad bytes locates them; decoding it leniently cannot fail.
            var before = lenient.GetString(body[..Math.Clamp(ex.Index, 0, body.Length)]);
            var line = before.Count(c => c == '\n') + 1;
            var column = before.Length - before.LastIndexOf('\n');
            var unknown = Convert.ToHexString(ex.BytesUnknown ?? []);
            var marked = bom.Length > 0 ? $"marked {name}" : "UTF-8 (no byte order mark)";
            throw new NotebookFormatException(
                fileName,
                line,
                $"not valid {marked} text: bytes 0x{unknown} near column {column} cannot be decoded; save the file as UTF-8",
                ex);
        }
    }
}
