using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;

namespace ChartRendering.Tests;

/// <summary>
/// Draws figures with one plotly.js build in headless Chromium and returns what Harness/measure.js measured:
/// one page for all figures, read back with --dump-dom, so a build takes one browser start (a few seconds).
/// </summary>
internal static class ChromiumPage
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    public static RenderReport Render(PlotlyBuild build, IReadOnlyList<Figure> figures)
    {
        var chromium = Prerequisites.Chromium();
        Prerequisites.EnsurePlotlyInstalled(PlotlyBuild.All);
        var folder = Directory.CreateTempSubdirectory("chart-rendering-");
        try
        {
            var page = Path.Combine(folder.FullName, "figures.html");
            File.WriteAllText(page, Html(build, figures));
            var start = new ProcessStartInfo(chromium)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            foreach (var argument in new[]
            {
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--allow-file-access-from-files", "--hide-scrollbars",
                "--user-data-dir=" + Path.Combine(folder.FullName, "profile"), "--window-size=1200,900",
                "--virtual-time-budget=60000", "--dump-dom", new Uri(page).AbsoluteUri,
            })
                start.ArgumentList.Add(argument);
            using var process = Process.Start(start)!;
            var dom = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(Timeout))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"Chromium did not finish drawing the figures with plotly.js {build} in {Timeout.TotalSeconds:0} s.");
            }
            var json = ResultOf(dom.Result) ?? throw new InvalidOperationException(
                $"Chromium (exit {process.ExitCode}) returned no measurements for plotly.js {build}.\n{Tail(errors.Result)}");
            // CHART_RENDERING_DUMP=folder keeps the page and the measurements, to look at what was drawn.
            if (Environment.GetEnvironmentVariable("CHART_RENDERING_DUMP") is { Length: > 0 } dump)
            {
                Directory.CreateDirectory(dump);
                File.Copy(page, Path.Combine(dump, $"figures-{build.Name}.html"), overwrite: true);
                File.WriteAllText(Path.Combine(dump, $"measurements-{build.Name}.json"), json);
            }
            var report = JsonSerializer.Deserialize<RenderReport>(json, new JsonSerializerOptions { PropertyNameCaseInsensitive = true })!;
            if (report.Fatal is not null) throw new InvalidOperationException($"The measuring page failed with plotly.js {build}: {report.Fatal}");
            return report;
        }
        finally
        {
            try { folder.Delete(recursive: true); } catch (IOException) { } // Chromium may still hold its profile for a moment
        }
    }

    private static string Html(PlotlyBuild build, IReadOnlyList<Figure> figures)
    {
        var html = new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><style>body{margin:0} div{margin-bottom:20px}</style>");
        html.Append("<script src=\"").Append(new Uri(build.ScriptPath).AbsoluteUri).Append("\"></script>");
        html.Append("<script>window.FIGURES = [");
        html.AppendJoin(",", figures.Select(f => $"{{\"name\":{JsonSerializer.Serialize(f.Name)},\"width\":{f.Width},\"figure\":{f.Json}}}"));
        html.Append("];</script></head><body><pre id=\"result\"></pre><script>");
        html.Append(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Harness", "measure.js")));
        html.Append("</script></body></html>");
        return html.ToString();
    }

    private static string? ResultOf(string dom)
    {
        const string open = "<pre id=\"result\">";
        var start = dom.IndexOf(open, StringComparison.Ordinal);
        if (start < 0) return null;
        start += open.Length;
        var end = dom.IndexOf("</pre>", start, StringComparison.Ordinal);
        var text = WebUtility.HtmlDecode(dom[start..end]);
        return text.Length == 0 ? null : text;
    }

    private static string Tail(string text) => text.Length <= 2000 ? text : text[^2000..];
}
