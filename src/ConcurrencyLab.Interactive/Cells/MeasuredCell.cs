using ConcurrencyLab.Measurement;

namespace ConcurrencyLab.Interactive.Cells;

/// <summary>A <c>#!measure</c> cell: the code compiled once into a delegate, and how to time it.</summary>
internal sealed class MeasuredCell
{
    /// <summary>Times the cell's delegate under a name with the given options; set by the generated code.</summary>
    public Func<string, MeasureOptions, Task<TimingResult>>? Time { get; set; }
}
