using System.Runtime.CompilerServices;

namespace NotebookRunner.Tests.Documents;

/// <summary>Locates tests/NotebookRunner.Tests/TestData from the source tree, so no csproj copy step is needed.</summary>
internal static class TestFiles
{
    public static string DataDirectory { get; } = Locate();

    public static string Path(params string[] parts) => System.IO.Path.Combine([DataDirectory, .. parts]);

    public static string ReadText(params string[] parts) => File.ReadAllText(Path(parts));

    private static string Locate([CallerFilePath] string thisFile = "")
    {
        // The compiler records this file's path; TestData is its sibling folder's sibling.
        var fromSource = System.IO.Path.GetFullPath(System.IO.Path.Combine(System.IO.Path.GetDirectoryName(thisFile)!, "..", "TestData"));
        if (Directory.Exists(fromSource))
        {
            return fromSource;
        }

        // With deterministic source paths (CI builds) the recorded path is mapped; then walk up from the
        // test assembly, which builds under tests/NotebookRunner.Tests/bin/.
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, "TestData");
            if (Directory.Exists(System.IO.Path.Combine(candidate, "nbformat")))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException($"TestData not found from {fromSource} or above {AppContext.BaseDirectory}.");
    }
}
