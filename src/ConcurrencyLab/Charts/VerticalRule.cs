namespace ConcurrencyLab.Charts;

/// <summary>A dotted vertical line across an <see cref="XYChart"/>, e.g. at <c>Environment.ProcessorCount</c>.</summary>
/// <param name="X">Where the line is.</param>
/// <param name="Label">Text next to the line.</param>
public sealed record VerticalRule(double X, string Label);
