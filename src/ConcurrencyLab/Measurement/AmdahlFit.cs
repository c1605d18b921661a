using System.Globalization;

namespace ConcurrencyLab.Measurement;

/// <summary>
/// A serial fraction fitted to measured speedups, with its standard error, or the reason there is none. A fit needs
/// speedups at two or more degrees above 1: with one, nothing would show how far the measurement can be trusted.
/// Degrees beyond the core count are fitted at the core count, so on few cores they mostly narrow the error.
/// </summary>
/// <param name="SerialFraction">The least-squares serial fraction (0…1); NaN without a fit.</param>
/// <param name="Error">One standard error of it, from the speedups' spreads or from the misfit, whichever is larger; NaN without a fit.</param>
/// <param name="Points">How many degrees above 1 went into the fit.</param>
public sealed record AmdahlFit(double SerialFraction, double Error, int Points)
{
    /// <summary>Fewer points than this above degree 1 give no fit.</summary>
    public const int MinimumPoints = 2;

    /// <summary>An error above this makes the fit too uncertain to read as the workload's serial fraction.</summary>
    public const double MaximumUsefulError = 0.15;

    /// <summary>Whether there was a fit at all.</summary>
    public bool HasFit => double.IsFinite(SerialFraction);

    /// <summary>Whether the fit is precise enough to be read as the workload's serial fraction.</summary>
    public bool IsUseful => HasFit && Error <= MaximumUsefulError;

    /// <summary>"serial fraction 0.25 ± 0.08 (Amdahl fit to 3 degrees)", or why there is none or why it says little.</summary>
    public override string ToString()
    {
        var c = CultureInfo.InvariantCulture;
        if (!HasFit)
            return string.Format(c, "no Amdahl fit: it needs speedups at {0} or more degrees above 1 (measured: {1})", MinimumPoints, Points);
        var text = string.Format(c, "Amdahl fit: serial fraction {0:0.00} ± {1:0.00} ({2} degrees above 1)", SerialFraction, Error, Points);
        return IsUseful ? text : text + ", too uncertain to read as the workload's serial fraction";
    }

    /// <summary>Fits <paramref name="points"/> (processors used, speedup, std dev of the speedup).</summary>
    internal static AmdahlFit Fit(IReadOnlyList<(double Processors, double Speedup, double SpeedupStdDev)> points)
    {
        var informative = points.Where(p => p.Processors > 1 && double.IsFinite(p.Speedup)).ToList();
        if (informative.Count < MinimumPoints)
            return new AmdahlFit(double.NaN, double.NaN, informative.Count);
        var f = Amdahl.FitSerialFraction(informative.Select(p => p.Processors).ToArray(), informative.Select(p => p.Speedup).ToArray());
        // Linearised least squares: dS/df = -(1 - 1/p) S².
        double sumJ2 = 0, measured = 0, residual2 = 0;
        foreach (var (p, speedup, sd) in informative)
        {
            var model = Amdahl.Speedup(f, p);
            var j = -(1 - 1 / p) * model * model;
            sumJ2 += j * j;
            measured += j * j * (double.IsFinite(sd) ? sd * sd : 0);
            residual2 += (speedup - model) * (speedup - model);
        }
        if (sumJ2 <= 0) return new AmdahlFit(double.NaN, double.NaN, informative.Count);
        var fromSpread = measured / (sumJ2 * sumJ2);
        var fromMisfit = residual2 / (informative.Count - 1) / sumJ2;
        return new AmdahlFit(f, Math.Sqrt(Math.Max(fromSpread, fromMisfit)), informative.Count);
    }
}
