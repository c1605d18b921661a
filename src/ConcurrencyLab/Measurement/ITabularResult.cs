using ConcurrencyLab.Rendering;

namespace ConcurrencyLab.Measurement;

/// <summary>A measurement result: a chart, plus a table and remarks (warnings, budget notes) shown beside it.</summary>
internal interface ITabularResult : IChartDisplayable
{
    /// <summary>The numbers, with BenchmarkDotNet's column names.</summary>
    TextTable Table();

    /// <summary>Lines a reader must see, each starting "warning:" or "note:".</summary>
    IEnumerable<string> Remarks();
}
