using System.Text.Json.Nodes;
using ConcurrencyLab.Rendering;

namespace ConcurrencyLab.Interactive.Tests;

/// <summary>The extension in the real kernel (dotnet-interactive 1.0.712001 over stdio), loaded by the notebooks' setup cell.</summary>
public sealed class RealKernelTests
{
    /// <summary>The setup cell a notebook in notebooks/ runs, relative to its folder.</summary>
    public const string SetupCell = """
        #r "../src/ConcurrencyLab.Interactive/bin/ConcurrencyLab.dll"
        #r "../src/ConcurrencyLab.Interactive/bin/ConcurrencyLab.Interactive.dll"
        ConcurrencyLab.Interactive.ConcurrencyLabExtension.Load(Microsoft.DotNet.Interactive.Kernel.Root);
        """;

    [Fact]
    public async Task The_setup_cell_loads_the_magics_and_they_measure_record_and_refuse_in_the_tool()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var kernel = await StdioKernel.StartAsync(Path.Combine(StdioKernel.RepositoryRoot, "notebooks"), cancellation);

        AssertSucceeded(kernel.Run(SetupCell, "csharp", cancellation));

        var measured = kernel.Run("#!measure --budget 1s --name sleep\nSystem.Threading.Thread.Sleep(10)", "csharp", cancellation);
        AssertSucceeded(measured);
        var timing = Display(measured);
        Assert.Equal(ChartMimeTypes.Preferred, MimeTypes(timing));
        Assert.Contains("sleep: ", Text(timing));
        Assert.Contains("per loop", Text(timing));

        var recorded = kernel.Run("#!timeline --title Workers\nvar t = new System.Threading.Thread(() => System.Threading.Thread.Sleep(20)) { Name = \"worker\" };\nt.Start(); t.Join();", "csharp", cancellation);
        AssertSucceeded(recorded);
        var timeline = Display(recorded);
        Assert.Equal(ChartMimeTypes.Preferred, MimeTypes(timeline));
        Assert.Contains("worker (dedicated, fg)", Text(timeline));
        Assert.Contains("<svg", (string?)timeline["formattedValues"]!.AsArray().First(v => (string?)v!["mimeType"] == "text/html")!["value"]);

        // Plotly.NET 6.0.0 wants FSharp.Core 10.1; the tool has 10.0, which the extension lends it.
        var plotly = kernel.Run("ConcurrencyLab.Interactive.Plotting.PlotlyNetCharts.ToPlotly(new ConcurrencyLab.Charts.BarChart { Title = \"bars\" })", "csharp", cancellation);
        AssertSucceeded(plotly);
        var figure = Assert.Single(plotly, e => (string?)e["eventType"] == "ReturnValueProduced")["event"]!["formattedValues"]!.AsArray();
        Assert.Contains("bars", (string?)figure.First(v => (string?)v!["mimeType"] == ChartMimeTypes.Plotly)!["value"]);

        var fromFSharp = kernel.Run("#!measure\n1 + 1", "fsharp", cancellation);
        Assert.Equal("CommandFailed", (string?)fromFSharp[^1]["eventType"]);
        Assert.Contains("this cell runs in the 'fsharp' kernel", (string?)fromFSharp[^1]["event"]!["message"]);

        var unknown = kernel.Run("#!timeline --colour red\n1", "csharp", cancellation);
        Assert.Contains("Unrecognized parameter name '--colour'", (string?)unknown[^1]["event"]!["message"]);
    }

    private static void AssertSucceeded(List<JsonObject> events) =>
        Assert.True((string?)events[^1]["eventType"] == "CommandSucceeded", string.Join(Environment.NewLine, events.Select(e => e.ToJsonString()[..Math.Min(600, e.ToJsonString().Length)])));

    private static JsonObject Display(List<JsonObject> events) =>
        Assert.Single(events, e => (string?)e["eventType"] == "DisplayedValueProduced")["event"]!.AsObject();

    private static string[] MimeTypes(JsonObject display) =>
        display["formattedValues"]!.AsArray().Select(v => (string)v!["mimeType"]!).ToArray();

    private static string Text(JsonObject display) =>
        (string)display["formattedValues"]!.AsArray().First(v => (string?)v!["mimeType"] == "text/plain")!["value"]!;
}
