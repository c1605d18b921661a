using NotebookRunner.Kernel;
using NotebookRunner.Tests.Execution;

namespace NotebookRunner.Tests.Kernel;

public sealed class KernelToolManifestTests
{
    private static string Manifest(string folder, string json, bool inConfig = true)
    {
        var directory = inConfig ? Path.Combine(folder, ".config") : folder;
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, "dotnet-tools.json");
        File.WriteAllText(path, json);
        return path;
    }

    [Fact]
    public void The_nearest_manifest_above_the_notebook_that_pins_the_tool_is_found()
    {
        var root = TestNotebook.Folder();
        var path = Manifest(root, """{"version":1,"isRoot":true,"tools":{"microsoft.dotnet-interactive":{"version":"1.0.712001","commands":["dotnet-interactive"]}}}""");
        var notebooks = Directory.CreateDirectory(Path.Combine(root, "a", "b")).FullName;
        Manifest(Path.Combine(root, "a"), """{"version":1,"tools":{"dotnet-ef":{"version":"9.0.0","commands":["dotnet-ef"]}}}""", inConfig: false);

        var manifest = KernelToolManifest.Find(notebooks);

        Assert.Equal(new KernelToolManifest(path, "1.0.712001"), manifest);
        Assert.Equal(root, manifest!.Folder);
    }

    [Fact]
    public void A_root_manifest_without_the_tool_stops_the_search()
    {
        var root = TestNotebook.Folder();
        Manifest(root, """{"version":1,"tools":{"microsoft.dotnet-interactive":{"version":"1.0.712001","commands":["dotnet-interactive"]}}}""");
        var inner = Directory.CreateDirectory(Path.Combine(root, "inner")).FullName;
        Manifest(inner, """{"version":1,"isRoot":true,"tools":{}}""");

        Assert.Null(KernelToolManifest.Find(inner));
    }

    [Theory]
    [InlineData("{ not json", "not a valid tool manifest")]
    [InlineData("""{"tools":{"microsoft.dotnet-interactive":{"commands":[]}}}""", "has no \"version\"")]
    public void A_broken_manifest_is_an_error_naming_it(string json, string problem)
    {
        var path = Manifest(TestNotebook.Folder(), json);
        var error = Assert.Throws<KernelUnavailableException>(() => KernelToolManifest.Find(Path.GetDirectoryName(Path.GetDirectoryName(path))!));
        Assert.Contains(path, error.Message);
        Assert.Contains(problem, error.Message);
    }
}
