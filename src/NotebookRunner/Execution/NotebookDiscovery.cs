using NotebookRunner.Documents;

namespace NotebookRunner.Execution;

/// <summary>A notebook to run: where it is, and its name relative to the folder it was found in.</summary>
public sealed record NotebookJob(string Path, string Name);

/// <summary>Expands the CLI's files and folders into notebooks, in a stable order.</summary>
public static class NotebookDiscovery
{
    private static readonly string[] IgnoredFolders = [".ipynb_checkpoints", "bin", "obj", ".git", "node_modules", "artifacts"];

    /// <summary>Files are taken as given; folders are searched recursively for <c>*.ipynb</c> and <c>*.dib</c>.</summary>
    /// <exception cref="ArgumentException">A path does not exist or is not a notebook, or two would be written to one file; the message names them.</exception>
    public static IReadOnlyList<NotebookJob> Find(IEnumerable<string> paths)
    {
        var jobs = new List<NotebookJob>();
        foreach (var path in paths)
        {
            if (File.Exists(path))
            {
                if (!NotebookFiles.IsNotebook(path))
                    throw new ArgumentException($"{path}: not a notebook (expected a .ipynb or .dib file)");
                jobs.Add(new NotebookJob(System.IO.Path.GetFullPath(path), System.IO.Path.GetFileName(path)));
            }
            else if (Directory.Exists(path))
            {
                var root = System.IO.Path.GetFullPath(path);
                var found = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
                    .Where(NotebookFiles.IsNotebook)
                    .Where(file => !System.IO.Path.GetRelativePath(root, file).Split(System.IO.Path.DirectorySeparatorChar).SkipLast(1).Any(IgnoredFolders.Contains))
                    .Order(StringComparer.Ordinal)
                    .Select(file => new NotebookJob(file, System.IO.Path.GetRelativePath(root, file).Replace('\\', '/')));
                jobs.AddRange(found);
            }
            else
            {
                throw new ArgumentException($"{path}: no such file or folder");
            }
        }

        // notes.dib is written as notes.ipynb, so it collides with a notes.ipynb beside it.
        var duplicate = jobs.GroupBy(j => NotebookFiles.ExecutedPath(j.Name), StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new ArgumentException($"two notebooks would be written as '{duplicate.Key}': {string.Join(", ", duplicate.Select(j => j.Path))}");
        return jobs;
    }
}
