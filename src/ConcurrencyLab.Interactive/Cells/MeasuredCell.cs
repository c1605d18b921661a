using ConcurrencyLab.Measurement;

namespace ConcurrencyLab.Interactive.Cells;

/// <summary>A <c>#!measure</c> cell: what to call the result and how to time it, then the result.</summary>
internal sealed class MeasuredCell(string name, MeasureOptions options)
{
    public string Name { get; } = name;

    public MeasureOptions Options { get; } = options;

    /// <summary>Set by the generated code once the measurement has run.</summary>
    public TimingResult? Result { get; set; }
}
