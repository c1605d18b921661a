using ConcurrencyLab.Charts;

namespace ConcurrencyLab.Rendering;

/// <summary>
/// A chart that also has numbers and remarks a reader must see (measurement results): the bundle shows the
/// table and the remarks under the static chart in HTML, and as a table trace and a note in the Plotly figure,
/// so readers of a static notebook (GitHub, nbconvert) and of VS Code both get them.
/// </summary>
internal interface ITabularDisplayable : IChartDisplayable
{
    /// <summary>The numbers, with BenchmarkDotNet's column names.</summary>
    TextTable Table();

    /// <summary>Lines a reader must see, each starting "warning:" or "note:".</summary>
    IEnumerable<string> Remarks();
}
