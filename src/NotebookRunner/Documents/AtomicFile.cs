using System.Text;

namespace NotebookRunner.Documents;

/// <summary>Replaces a file's contents so that readers see either the old or the new file, never a partial one.</summary>
internal static class AtomicFile
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <param name="path">The target file.</param>
    /// <param name="contents">The complete new contents (UTF-8, no BOM).</param>
    /// <param name="beforeCommit">Test hook: runs with the temp path after it is written and before the move.</param>
    public static void WriteAllText(string path, string contents, Action<string>? beforeCommit = null)
    {
        var fullPath = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(fullPath) ?? ".";

        // Same directory: File.Move is then a rename on one file system, which is atomic.
        var tempPath = Path.Combine(directory, $".{Path.GetFileName(fullPath)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(tempPath, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                var bytes = Utf8NoBom.GetBytes(contents);
                stream.Write(bytes);

                // Flush to disk before the rename so a crash cannot leave a renamed but empty file.
                stream.Flush(flushToDisk: true);
            }

            beforeCommit?.Invoke(tempPath);
            File.Move(tempPath, fullPath, overwrite: true);
        }
        catch
        {
            TryDelete(tempPath);
            throw;
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Best effort: the original error is the one worth reporting.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
