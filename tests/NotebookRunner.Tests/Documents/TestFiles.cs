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

        // Fallback: a copy next to the test assembly.
        return System.IO.Path.Combine(AppContext.BaseDirectory, "TestData");
    }
}
