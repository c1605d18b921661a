using System.Globalization;
using System.Reflection;
using ConcurrencyLab.Charts;
using ConcurrencyLab.Rendering;

namespace ConcurrencyLab.Tables;

/// <summary>
/// Rows of values shown as a real table: plain HTML (no script, no classes, so GitHub and nbconvert show it) and an
/// aligned text table. The Formatting package shows a list of objects as a tree of collapsible rows instead.
/// Numbers are right-aligned and written with the invariant culture.
/// </summary>
/// <example><code>Table.From(results.Select(r => new { r.Name, Ms = r.Mean / 1e6 }))</code></example>
[TypeFormatterSource(typeof(TableFormatterSource), PreferredMimeTypes = new[] { ChartMimeTypes.Html, ChartMimeTypes.PlainText })]
public sealed class Table
{
    private readonly TextTable _table;

    private Table(string[] headers, IReadOnlyList<object?[]> rows)
    {
        Headers = headers;
        var rightAligned = headers.Select((_, column) => rows.Count > 0 && rows.All(row => row[column] is null || IsNumber(row[column]!))).ToArray();
        _table = new TextTable(headers, rightAligned);
        foreach (var row in rows)
            _table.Add(row.Select(FormatCell).ToArray());
    }

    /// <summary>The column headers.</summary>
    public IReadOnlyList<string> Headers { get; }

    /// <summary>The cells as shown, row by row.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Rows => _table.Rows;

    /// <summary>
    /// A table with one row per item and one column per public property (or public field, for tuples), in
    /// declaration order; anonymous types and records work as written.
    /// </summary>
    /// <exception cref="ArgumentException">The element type has no public properties or fields.</exception>
    public static Table From<T>(IEnumerable<T> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var type = typeof(T);
        var members = Columns(type);
        if (members.Count == 0)
            throw new ArgumentException($"Table.From: {type.Name} has no public properties or fields to make columns of.", nameof(rows));
        var cells = rows.Select(row => members.Select(member => row is null ? null : member.Read(row)).ToArray()).ToList();
        return new Table(members.Select(m => m.Name).ToArray(), cells);
    }

    /// <summary>A table with the given headers and rows of cells.</summary>
    /// <exception cref="ArgumentException">A row has a different number of cells than there are headers.</exception>
    public static Table Of(IReadOnlyList<string> headers, IEnumerable<object?[]> rows)
    {
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(rows);
        var list = rows.ToList();
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i].Length != headers.Count)
                throw new ArgumentException($"Table.Of: row {i} has {list[i].Length} cells but there are {headers.Count} headers.", nameof(rows));
        }
        return new Table(headers.ToArray(), list);
    }

    /// <summary>The table as HTML.</summary>
    public string ToHtml() => _table.ToHtml();

    /// <summary>The table as aligned text.</summary>
    public override string ToString() => _table.ToString();

    private static IReadOnlyList<(string Name, Func<object, object?> Read)> Columns(Type type)
    {
        var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanRead && p.GetIndexParameters().Length == 0 && p.Name != "EqualityContract")
            .OrderBy(p => p.MetadataToken)
            .Select(p => (p.Name, (Func<object, object?>)p.GetValue));
        var fields = type.GetFields(BindingFlags.Public | BindingFlags.Instance)
            .OrderBy(f => f.MetadataToken)
            .Select(f => (f.Name, (Func<object, object?>)f.GetValue));
        return properties.Concat(fields).ToList();
    }

    private static bool IsNumber(object value) => value is byte or sbyte or short or ushort or int or uint or long or ulong or float or double or decimal;

    private static string FormatCell(object? value) => value switch
    {
        null => "",
        double d => d.ToString(Math.Abs(d) >= 1000 ? "#,0.#" : "0.###", CultureInfo.InvariantCulture),
        float f => ((double)f).ToString("0.###", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
