namespace ConcurrencyLab.Timelines;

/// <summary>
/// Spreads a span's known split (how much on a CPU, waiting for one, off one) over the stretches of its time, guided by
/// what the sampler saw in each: the samples decide where each state goes, the split decides how much of it there is.
/// </summary>
/// <remarks>
/// Each stretch starts with what its samples say (its length times the sampled proportions). A state the samples
/// over-count gives up the same share of itself in every stretch that has it; the time freed goes to the states they
/// under-count, in proportion to how much each is short. One pass, no iteration: every stretch keeps its length and
/// every state ends with exactly its share of the split. Where the samples agree with the split nothing moves; where
/// they say nothing (or one coarse sample covers the whole span) the fill comes out in proportion to the split.
/// </remarks>
internal static class CpuSplitAllocator
{
    /// <param name="cells">Each stretch's length and its sampled proportions (any scale; null or all 0: no samples there).</param>
    /// <param name="budget">What the stretches hold in all; its total must equal the sum of their lengths.</param>
    /// <returns>What each stretch holds; the amounts of each state add up to the budget's.</returns>
    public static CpuSplit[] Allocate(IReadOnlyList<(double Length, CpuSplit? Sampled)> cells, CpuSplit budget)
    {
        var result = new CpuSplit[cells.Count];
        var neutral = budget.Total > 0 ? budget.Scaled(1 / budget.Total) : new CpuSplit(0, 0, 1);
        var sampledTotals = new CpuSplit();
        for (var c = 0; c < cells.Count; c++)
        {
            var (length, sampled) = cells[c];
            var shares = sampled is { Total: > 0 } s ? s.Scaled(1 / s.Total) : neutral;
            result[c] = shares.Scaled(length);
            sampledTotals += result[c];
        }

        var excess = sampledTotals - budget;
        double surplus = 0, shortfall = 0;
        for (var s = 0; s < 3; s++)
        {
            if (excess[s] > 0) surplus += excess[s];
            else shortfall -= excess[s];
        }
        if (surplus <= 0 || shortfall <= 0) return result;

        for (var c = 0; c < cells.Count; c++)
        {
            var amounts = new double[3];
            double freed = 0;
            for (var s = 0; s < 3; s++)
            {
                amounts[s] = result[c][s];
                if (excess[s] > 0 && sampledTotals[s] > 0)
                {
                    var given = amounts[s] * excess[s] / sampledTotals[s];
                    amounts[s] -= given;
                    freed += given;
                }
            }
            for (var s = 0; s < 3; s++)
                if (excess[s] < 0) amounts[s] += freed * -excess[s] / shortfall;
            result[c] = new CpuSplit(amounts[0], amounts[1], amounts[2]);
        }
        return result;
    }
}
