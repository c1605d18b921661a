using System.Diagnostics;
using System.Text.Json.Nodes;

/// <summary>
/// The same notebooks through Jupyter's own client against the same tool's Jupyter kernel, one after another,
/// with the repository's parity check (.ci/jupyter-notebooks), which writes each notebook's wall time.
/// </summary>
internal static class NbclientSeries
{
    /// <summary>Wall seconds per notebook file name.</summary>
    public static async Task<Dictionary<string, double>> RunAsync(string notebooks, string scratch)
    {
        var summary = Path.Combine(scratch, "nbclient-summary.json");
        var start = new ProcessStartInfo(Path.Combine(Arguments.RepositoryRoot, ".ci", "jupyter-notebooks")) { UseShellExecute = false };
        foreach (var argument in new[] { "--no-build", notebooks, "--summary", summary }) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new InvalidOperationException($".ci/jupyter-notebooks exited with {process.ExitCode}");

        var parsed = JsonNode.Parse(await File.ReadAllTextAsync(summary))!;
        return parsed["notebooks"]!.AsArray().ToDictionary(
            n => Path.GetFileName((string)n!["path"]!),
            n => (double)n!["wall_seconds"]!);
    }
}
