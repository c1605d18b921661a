using Microsoft.DotNet.Interactive.Commands;

namespace ConcurrencyLab.Interactive.Magics;

/// <summary>The options of <c>#!measure</c>, bound by the kernel from the magic's line.</summary>
public sealed class MeasureCommand : KernelDirectiveCommand
{
    /// <summary><c>--budget</c>: the most time the measurement may take, e.g. <c>5s</c> (2 s by default).</summary>
    public string? Budget { get; set; }

    /// <summary><c>--name</c>: what to call the measured code in the result, and for a later <c>--compare</c>.</summary>
    public string? Name { get; set; }

    /// <summary><c>--variable</c>: a C# variable that keeps the <c>TimingResult</c> for later cells.</summary>
    public string? Variable { get; set; }

    /// <summary><c>--compare</c>: the <c>--name</c> of an earlier measured cell to compare with.</summary>
    public string? Compare { get; set; }
}
