namespace Notebooks.Tests;

/// <summary>Finds the repository from the test's output folder, so tests run from any working directory.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string NotebooksFolder => Path.Combine(Root, "notebooks");

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            if (File.Exists(Path.Combine(folder.FullName, "Notebooks.sln"))) return folder.FullName;
        throw new InvalidOperationException($"Notebooks.sln not found above {AppContext.BaseDirectory}");
    }
}
