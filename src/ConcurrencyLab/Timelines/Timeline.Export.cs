namespace ConcurrencyLab.Timelines;

// Export to the Chrome Trace Event Format, which ui.perfetto.dev and chrome://tracing open.
public sealed partial class Timeline
{
    /// <summary>The timeline as Trace Event Format JSON (ts/dur in microseconds), for ui.perfetto.dev.</summary>
    public string ToPerfettoJson() => PerfettoWriter.Write(Data, Title);

    /// <summary>Writes <see cref="ToPerfettoJson"/> to <paramref name="path"/> and returns the full path.</summary>
    /// <example><code>tl.SavePerfettoJson("timeline.json");  // then drag it onto ui.perfetto.dev</code></example>
    public string SavePerfettoJson(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var full = Path.GetFullPath(path);
        // Write to a temporary file first so a failure never leaves half a trace behind.
        var temporary = full + ".tmp";
        File.WriteAllText(temporary, ToPerfettoJson());
        File.Move(temporary, full, overwrite: true);
        return full;
    }
}
