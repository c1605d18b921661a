namespace ConcurrencyLab.Charts;

/// <summary>
/// Where the in-bar labels of one lane's spans go, so that none is drawn on top of another: each label starts after
/// the one before it ends, inside its own span, or is left out (its outline's hover still names it). A span inside
/// the span labelled before it reads "› label", so nested spans that start together read "holds A › holds B › moves 100".
/// </summary>
internal static class SpanLabelLayout
{
    /// <summary>A placed label.</summary>
    /// <param name="Span">The span it names.</param>
    /// <param name="Text">What it reads.</param>
    /// <param name="X">Where it starts (px).</param>
    /// <param name="Pushed">True when it starts after an earlier label rather than at its span's start.</param>
    public readonly record struct Placed(GanttSpan Span, string Text, double X, bool Pushed);

    public static List<Placed> Place(IEnumerable<GanttSpan> spans, AxisScale time, double charWidth)
    {
        var placed = new List<Placed>();
        var textEnd = double.NegativeInfinity;
        GanttSpan? previous = null;
        foreach (var span in spans.OrderBy(s => s.Start).ThenByDescending(s => s.End))
        {
            double start = time.ToPixel(span.Start), end = time.ToPixel(span.End);
            var x = Math.Max(start + 3, textEnd + charWidth);
            var pushed = x > start + 3;
            var nested = pushed && previous is not null && span.Start >= previous.Start && span.End <= previous.End;
            var text = nested ? "› " + span.Label : span.Label;
            if (x + text.Length * charWidth > end - 3) continue;
            placed.Add(new Placed(span, text, x, pushed));
            textEnd = x + text.Length * charWidth;
            previous = span;
        }
        return placed;
    }

    /// <summary>
    /// The text each span carries where text can only start at its bar's start (Plotly, which hides text too long for
    /// its bar): a span starting under an earlier label adds "› label" to that label when it lies inside that span and
    /// the joined text still fits; otherwise it carries none (its hover still names it).
    /// </summary>
    public static Dictionary<GanttSpan, string> Joined(IEnumerable<GanttSpan> spans, AxisScale time, double charWidth)
    {
        var texts = new Dictionary<GanttSpan, string>(ReferenceEqualityComparer.Instance);
        GanttSpan? head = null;
        var textEnd = double.NegativeInfinity;
        foreach (var span in spans.OrderBy(s => s.Start).ThenByDescending(s => s.End))
        {
            double start = time.ToPixel(span.Start), end = time.ToPixel(span.End);
            if (start + 3 >= textEnd + charWidth)
            {
                texts[span] = span.Label;
                if (start + 3 + span.Label.Length * charWidth <= end - 3)
                {
                    head = span;
                    textEnd = start + 3 + span.Label.Length * charWidth;
                }
                continue;
            }
            texts[span] = "";
            if (head is null || span.Start < head.Start || span.End > head.End) continue;
            var joined = texts[head] + " › " + span.Label;
            if (time.ToPixel(head.Start) + 3 + joined.Length * charWidth > time.ToPixel(head.End) - 3) continue;
            texts[head] = joined;
            textEnd = time.ToPixel(head.Start) + 3 + joined.Length * charWidth;
        }
        return texts;
    }
}
