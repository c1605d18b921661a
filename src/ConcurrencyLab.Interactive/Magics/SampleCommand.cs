using Microsoft.DotNet.Interactive.Commands;

namespace ConcurrencyLab.Interactive.Magics;

/// <summary>The options of <c>#!sample</c>, bound by the kernel from the magic's line.</summary>
public sealed class SampleCommand : KernelDirectiveCommand
{
    /// <summary><c>--interval</c>: time between samples, e.g. <c>10ms</c> (the default).</summary>
    public string? Interval { get; set; }

    /// <summary><c>--budget</c>: sampling stops after this long even if the cell runs on (2 s by default).</summary>
    public string? Budget { get; set; }

    /// <summary><c>--variable</c>: a C# variable that keeps the <c>SamplingResult</c> for later cells.</summary>
    public string? Variable { get; set; }
}
