namespace ConcurrencyLab.Charts;

/// <summary>One sample of a counter lane.</summary>
/// <param name="Time">When it was sampled.</param>
/// <param name="Value">The value then.</param>
public readonly record struct CounterPoint(double Time, double Value);
