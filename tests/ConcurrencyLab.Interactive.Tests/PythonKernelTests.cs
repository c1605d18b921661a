using System.Text.Json.Nodes;
using ConcurrencyLab.Interactive.Polyglot;

namespace ConcurrencyLab.Interactive.Tests;

/// <summary>Python beside C#: finding a kernelspec, connecting it through the tool's own #!connect jupyter, reading its values.</summary>
public sealed class PythonKernelTests
{
    [Fact]
    public void Kernelspecs_are_found_in_jupyters_folders_in_jupyters_order()
    {
        using var scratch = new ScratchFolder();
        var bin = scratch.Directory("env/bin");
        File.WriteAllText(Path.Combine(bin, "jupyter"), "");
        scratch.KernelSpec("env/share/jupyter", "python3", """{"argv": ["python3"], "display_name": "Python 3 (ipykernel)", "language": "python"}""");
        scratch.KernelSpec("user", "python3", """{"display_name": "user's python", "language": "python"}""");
        scratch.KernelSpec("user", "broken", "{ not json");
        scratch.KernelSpec("extra", "julia", """{"display_name": "Julia", "language": "julia"}""");
        var environment = new Dictionary<string, string?>
        {
            ["PATH"] = bin,
            ["JUPYTER_PATH"] = scratch.Path("extra"),
            ["JUPYTER_DATA_DIR"] = scratch.Path("user"),
        };

        var (specs, problem) = JupyterKernelSpecs.List(name => environment.GetValueOrDefault(name));

        Assert.Null(problem);
        // The user's folder comes before the environment's, as in Jupyter; an unreadable kernel.json is skipped.
        var python = Assert.Single(specs, s => s.Name == "python3");
        Assert.Equal("user's python", python.DisplayName);
        Assert.Equal(scratch.Path("user/kernels/python3"), python.ResourceDirectory);
        Assert.Contains(specs, s => s.Name == "julia" && s.Language == "julia");
        Assert.DoesNotContain(specs, s => s.Name == "broken");
    }

    [Fact]
    public void Without_a_jupyter_command_there_is_nothing_to_connect_whatever_the_folders_hold()
    {
        using var scratch = new ScratchFolder();
        scratch.KernelSpec("user", "python3", """{"language": "python"}""");
        var environment = new Dictionary<string, string?> { ["PATH"] = scratch.Directory("empty-bin"), ["JUPYTER_DATA_DIR"] = scratch.Path("user") };

        var (specs, problem) = JupyterKernelSpecs.List(name => environment.GetValueOrDefault(name));

        Assert.Empty(specs);
        Assert.Equal("there is no `jupyter` command on PATH (Jupyter is not installed)", problem);
    }

    [Fact]
    public void The_data_directories_follow_jupyters_order()
    {
        var environment = new Dictionary<string, string?> { ["JUPYTER_PATH"] = $"/a{Path.PathSeparator}/b", ["HOME"] = "/home/me" };
        var directories = JupyterKernelSpecs.DataDirectories("/opt/venv/bin/jupyter", name => environment.GetValueOrDefault(name)).ToList();
        Assert.Equal(["/a", "/b", "/home/me/.local/share/jupyter", "/opt/venv/share/jupyter", "/usr/local/share/jupyter", "/usr/share/jupyter"], directories);
    }

    /// <summary>A temporary folder of kernelspecs, removed after the test.</summary>
    private sealed class ScratchFolder : IDisposable
    {
        private readonly string _root = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "kernelspecs-" + Guid.NewGuid().ToString("N"));

        public string Path(string relative) => System.IO.Path.Combine(_root, relative);

        public string Directory(string relative) => System.IO.Directory.CreateDirectory(Path(relative)).FullName;

        public void KernelSpec(string dataDirectory, string name, string json) =>
            File.WriteAllText(System.IO.Path.Combine(Directory($"{dataDirectory}/kernels/{name}"), "kernel.json"), json);

        public void Dispose() => System.IO.Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public void Without_a_python_kernel_the_status_says_which_cells_will_not_run_and_how_to_get_one()
    {
        var status = PythonKernelStatus.Unavailable("python3", "there is no `jupyter` command on PATH (Jupyter is not installed)");
        Assert.False(status.IsConnected);
        var text = status.ToString();
        Assert.Contains("No Python kernel: there is no `jupyter` command on PATH", text);
        Assert.Contains("cells that start with #!python will not run", text);
        Assert.Contains("python3-ipykernel", text);
        Assert.Contains("<code>jupyter</code>", status.ToHtml());
    }

    [Fact]
    public async Task Values_from_python_are_default_when_no_python_kernel_is_connected()
    {
        Assert.False(PythonKernel.IsConnected);
        Assert.Null(await PythonKernel.GetAsync<double[]>("times"));
    }

    [Fact]
    public async Task In_the_tool_python_connects_runs_and_shares_its_values_with_csharp()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var kernel = await StdioKernel.StartAsync(Path.Combine(StdioKernel.RepositoryRoot, "notebooks"), cancellation);
        AssertSucceeded(kernel.Run(RealKernelTests.SetupCell, "csharp", cancellation));
        AssertSucceeded(kernel.Run("using ConcurrencyLab.Interactive.Polyglot;", "csharp", cancellation));

        var missing = kernel.Run("await PythonKernel.ConnectAsync(\"no-such-spec\")", "csharp", cancellation);
        AssertSucceeded(missing);
        Assert.Contains("No Python kernel: Jupyter has no kernelspec named 'no-such-spec'", Text(missing));
        var absentValue = kernel.Run("((await PythonKernel.GetAsync<double[]>(\"times\")) is null).ToString()", "csharp", cancellation);
        Assert.Equal("True", Text(absentValue));

        // This machine has Debian's python3-ipykernel (CI installs it with .ci/jupyter-kernel-setup).
        var connected = kernel.Run("await PythonKernel.ConnectAsync()", "csharp", cancellation);
        AssertSucceeded(connected);
        Assert.Contains("connected as #!python (Jupyter kernelspec 'python3'", Text(connected));

        AssertSucceeded(kernel.Run("import threading\ntimes = [0.5, 1.25]\nnames = {'main': threading.main_thread().name}", "python", cancellation));
        var shared = kernel.Run("""
            var times = await PythonKernel.GetAsync<double[]>("times");
            var names = await PythonKernel.GetAsync<Dictionary<string, string>>("names");
            $"{times!.Sum()} {names!["main"]}"
            """, "csharp", cancellation);
        AssertSucceeded(shared);
        Assert.Equal("1.75 MainThread", Text(shared));

        var again = kernel.Run("await PythonKernel.ConnectAsync()", "csharp", cancellation);
        Assert.Contains("was already connected as #!python (Jupyter kernelspec 'python3'", Text(again));

        var unknown = kernel.Run("await PythonKernel.GetAsync<double[]>(\"nothing_here\")", "csharp", cancellation);
        Assert.Equal("CommandFailed", (string?)unknown[^1]["eventType"]);
        Assert.Contains("Python has no value 'nothing_here' to share", (string?)unknown[^1]["event"]!["message"]);
    }

    private static void AssertSucceeded(List<JsonObject> events) =>
        Assert.True((string?)events[^1]["eventType"] == "CommandSucceeded", string.Join(Environment.NewLine, events.Select(e => e.ToJsonString()[..Math.Min(600, e.ToJsonString().Length)])));

    // The value a cell returned or displayed last, as plain text.
    private static string Text(List<JsonObject> events) =>
        (string)events.Last(e => (string?)e["eventType"] is "ReturnValueProduced" or "DisplayedValueProduced")["event"]!["formattedValues"]!
            .AsArray().First(v => (string?)v!["mimeType"] == "text/plain")!["value"]!;
}
