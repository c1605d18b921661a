namespace ConcurrencyLab.Charts;

/// <summary>A linear mapping from data values to pixels with "nice" 1-2-5 tick steps.</summary>
internal sealed class AxisScale
{
    public AxisScale(double min, double max, double pixelFrom, double pixelTo, int targetTicks = 8, double minimumStep = 0)
    {
        if (!(max > min)) max = min + 1; // also catches NaN: an empty chart still gets a usable axis
        // Counts (repeats, degrees of parallelism) read wrong with ticks at 1.5, so callers can ask for whole steps.
        Step = Math.Max(minimumStep, NiceStep((max - min) / targetTicks));
        Min = Math.Floor(min / Step) * Step;
        Max = Math.Ceiling(max / Step) * Step;
        PixelFrom = pixelFrom;
        PixelTo = pixelTo;
    }

    public double Min { get; }
    public double Max { get; }
    public double Step { get; }
    public double PixelFrom { get; }
    public double PixelTo { get; }

    public double ToPixel(double value) => PixelFrom + (value - Min) / (Max - Min) * (PixelTo - PixelFrom);

    public IEnumerable<double> Ticks()
    {
        var count = (int)Math.Round((Max - Min) / Step);
        for (var i = 0; i <= count; i++)
            yield return Min + i * Step;
    }

    private static double NiceStep(double raw)
    {
        if (!(raw > 0)) return 1;
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var normalized = raw / magnitude;
        var nice = normalized < 1.5 ? 1 : normalized < 3 ? 2 : normalized < 7 ? 5 : 10;
        return nice * magnitude;
    }
}
