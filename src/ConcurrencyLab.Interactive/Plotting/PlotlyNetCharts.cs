using System.Text.Json.Nodes;
using ConcurrencyLab.Rendering;
using Microsoft.DotNet.Interactive.Formatting;
using Microsoft.FSharp.Collections;
using Plotly.NET;

namespace ConcurrencyLab.Interactive.Plotting;

/// <summary>
/// Turns any ConcurrencyLab chart (a timeline, a measurement, a comparison, a chart) into a Plotly.NET
/// <see cref="GenericChart"/>, to restyle with Plotly.NET. The figure is the library's own Plotly JSON, so the
/// Plotly.NET chart starts out looking exactly like the library's.
/// </summary>
/// <example><code>
/// var plotly = timeline.ToPlotly();
/// Plotly.NET.GenericChart.getLayout(plotly).SetProperty("paper_bgcolor", "#fdf6e3");
/// plotly
/// </code></example>
public static class PlotlyNetCharts
{
    private static int _formatterRegistered;

    /// <summary>The chart of <paramref name="value"/> as a Plotly.NET chart (traces and layout as the library draws them).</summary>
    public static GenericChart ToPlotly(this IChartDisplayable value)
    {
        ArgumentNullException.ThrowIfNull(value);
        RegisterFormatter();
        var figure = JsonNode.Parse(ChartMimeBundle.Render(value, ChartMimeTypes.Plotly))!.AsObject();
        var traces = (figure["data"] as JsonArray ?? new JsonArray()).OfType<JsonObject>().Select(ToTrace).ToList();
        var layout = new Layout();
        if (figure["layout"] is JsonObject layoutJson) Fill(layout, layoutJson);
        return GenericChart.NewMultiChart(ListModule.OfSeq(traces), layout, new Config(), DisplayOptions.initCDNOnly());
    }

    private static Trace ToTrace(JsonObject json)
    {
        var trace = new Trace2D((string?)json["type"] ?? "scatter");
        Fill(trace, json);
        return trace;
    }

    private static void Fill(DynamicObj.DynamicObj target, JsonObject json)
    {
        foreach (var (name, value) in json)
            if (value is not null) target.SetProperty(name, ToValue(value));
    }

    private static object ToValue(JsonNode node) => node switch
    {
        JsonObject obj => Filled(new DynamicObj.DynamicObj(), obj),
        JsonArray array => array.Select(item => item is null ? null! : ToValue(item)).ToArray(),
        JsonValue value when value.TryGetValue<bool>(out var flag) => flag,
        JsonValue value when value.TryGetValue<double>(out var number) => number,
        _ => node.GetValue<string>(),
    };

    private static DynamicObj.DynamicObj Filled(DynamicObj.DynamicObj target, JsonObject json)
    {
        Fill(target, json);
        return target;
    }

    // A Plotly.NET chart displays as its figure JSON (drawn offline by VS Code and JupyterLab), Plotly.NET's own HTML
    // (which loads plotly.js from its CDN) and a line of text. Registered on first use, so Plotly.NET loads only then.
    private static void RegisterFormatter()
    {
        if (Interlocked.Exchange(ref _formatterRegistered, 1) != 0) return;
        Formatter.Register<GenericChart>((chart, writer) => writer.Write(GenericChart.toFigureJson(chart)), ChartMimeTypes.Plotly);
        Formatter.Register<GenericChart>((chart, writer) => writer.Write(GenericChart.toChartHTML(chart)), ChartMimeTypes.Html);
        Formatter.Register<GenericChart>((chart, writer) => writer.Write($"Plotly.NET chart with {GenericChart.countTrace(chart)} traces"), ChartMimeTypes.PlainText);
        Formatter.SetPreferredMimeTypesFor(typeof(GenericChart), ChartMimeTypes.Plotly, ChartMimeTypes.Html, ChartMimeTypes.PlainText);
    }
}
