namespace ChartRendering.Tests;

/// <summary>A plotly.js build from npm that the figures are drawn with.</summary>
/// <param name="Name">How tests name it, e.g. "plotly.js 4 (latest)".</param>
/// <param name="Package">Its folder under node_modules (see package.json).</param>
public sealed record PlotlyBuild(string Name, string Package)
{
    /// <summary>The latest release, and the 2.x line that renderers bundling an older plotly.js (VS Code's among them) still use.</summary>
    public static IReadOnlyList<PlotlyBuild> All { get; } = new[]
    {
        new PlotlyBuild("latest", "plotly.js-dist-min"),
        new PlotlyBuild("2.35", "plotly2"),
    };

    public string ScriptPath => Path.Combine(Prerequisites.PackageFolder, "node_modules", Package, "plotly.min.js");

    public override string ToString() => Name;
}
