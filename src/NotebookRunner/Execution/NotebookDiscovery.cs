namespace NotebookRunner.Execution;

/// <summary>A notebook to run: where it is, and its name relative to the folder it was found in.</summary>
public sealed record NotebookJob(string Path, string Name);

/// <summary>Expands the CLI's files and folders into notebooks, in a stable order.</summary>
public static class NotebookDiscovery
{
    private static readonly string[] IgnoredFolders = [".ipynb_checkpoints", "bin", "obj", ".git", "node_modules", "artifacts"];

    /// <summary>Files are taken as given; folders are searched recursively for <c>*.ipynb</c>.</summary>
    /// <exception cref="ArgumentException">A path does not exist or is not a notebook; the message names it.</exception>
    public static IReadOnlyList<NotebookJob> Find(IEnumerable<string> paths)
    {
        var jobs = new List<NotebookJob>();
        foreach (var path in paths)
        {
            if (File.Exists(path))
            {
                if (!path.EndsWith(".ipynb", StringComparison.OrdinalIgnoreCase))
                    throw new ArgumentException($"{path}: not a notebook (expected a .ipynb file)");
                jobs.Add(new NotebookJob(System.IO.Path.GetFullPath(path), System.IO.Path.GetFileName(path)));
            }
            else if (Directory.Exists(path))
            {
                var root = System.IO.Path.GetFullPath(path);
                var found = Directory.EnumerateFiles(root, "*.ipynb", SearchOption.AllDirectories)
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

        var duplicate = jobs.GroupBy(j => j.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new ArgumentException($"two notebooks would be written as '{duplicate.Key}': {string.Join(", ", duplicate.Select(j => j.Path))}");
        return jobs;
    }
}
