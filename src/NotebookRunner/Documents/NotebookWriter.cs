using System.Text;
using System.Text.Json.Nodes;

namespace NotebookRunner.Documents;

/// <summary>
/// Writes nbformat 4.5 with the exact bytes Python's nbformat produces: sorted keys, 1-space indent,
/// non-ASCII unescaped, multiline strings split as <c>split_lines</c> does, transient keys stripped,
/// and a trailing newline. Reading and re-writing a notebook nbformat wrote changes nothing.
/// </summary>
public static class NotebookWriter
{
    private static readonly string[] TransientNotebookKeys = ["orig_nbformat", "orig_nbformat_minor", "signature"];

    /// <summary>
    /// Serialises <paramref name="notebook"/> as nbformat 4.5 JSON. Missing, invalid or duplicate cell
    /// ids are repaired on the notebook itself first (see <see cref="Notebook.EnsureValidCellIds"/>),
    /// so ids a caller reports match the file.
    /// </summary>
    public static string Serialize(Notebook notebook)
    {
        notebook.EnsureValidCellIds();

        var metadata = (JsonObject)notebook.Metadata.DeepClone();
        foreach (var key in TransientNotebookKeys)
        {
            metadata.Remove(key);
        }

        var root = new JsonObject
        {
            ["cells"] = new JsonArray([.. notebook.Cells.Select(CellToJson)]),
            ["metadata"] = metadata,
            ["nbformat"] = 4,
            ["nbformat_minor"] = 5,
        };

        return PythonJsonEmitter.Serialize(root) + "\n";
    }

    /// <summary>
    /// Writes the notebook to <paramref name="path"/> atomically: it is serialised first, written to a
    /// temporary file in the same directory, flushed, then moved over the target. The target is either
    /// the old file or the complete new one, never half written; the temporary file is removed on failure.
    /// </summary>
    public static void WriteAtomic(Notebook notebook, string path) => AtomicFile.WriteAllText(path, Serialize(notebook));

    private static JsonObject CellToJson(NotebookCell cell)
    {
        var json = new JsonObject();

        // Extra keys first, so the model's own values win if a caller put a known key there.
        foreach (var (key, value) in cell.ExtraProperties)
        {
            var copy = value?.DeepClone();
            if (key == "attachments" && copy is JsonObject attachments)
            {
                foreach (var (_, bundle) in attachments)
                {
                    if (bundle is JsonObject mimeBundle)
                    {
                        SplitMimeBundleInPlace(mimeBundle, normalizeNewlines: false);
                    }
                }
            }

            json[key] = copy;
        }

        var metadata = (JsonObject)cell.Metadata.DeepClone();
        metadata.Remove("trusted");

        json["id"] = cell.Id;
        json["cell_type"] = cell.CellType;
        json["metadata"] = metadata;
        json["source"] = Lines(cell.Source);

        if (cell.IsCode)
        {
            json["execution_count"] = cell.ExecutionCount;
            json["outputs"] = new JsonArray([.. cell.Outputs.Select(OutputToJson)]);
        }
        else if (cell.CellType is NotebookCell.MarkdownType or NotebookCell.RawType)
        {
            // The schema forbids these on markdown and raw cells.
            json.Remove("outputs");
            json.Remove("execution_count");
        }

        return json;
    }

    private static JsonNode OutputToJson(CellOutput output) => output switch
    {
        StreamOutput stream => new JsonObject
        {
            ["name"] = stream.Name,
            ["output_type"] = "stream",
            ["text"] = Lines(PythonText.NormalizeNewlines(stream.Text)),
        },
        DisplayDataOutput display => new JsonObject
        {
            ["data"] = BundleToJson(display.Data),
            ["metadata"] = display.Metadata.DeepClone(),
            ["output_type"] = "display_data",
        },
        ExecuteResultOutput result => new JsonObject
        {
            ["data"] = BundleToJson(result.Data),
            ["execution_count"] = result.ExecutionCount,
            ["metadata"] = result.Metadata.DeepClone(),
            ["output_type"] = "execute_result",
        },
        ErrorOutput error => new JsonObject
        {
            ["ename"] = error.EName,
            ["evalue"] = PythonText.NormalizeNewlines(error.EValue),
            ["output_type"] = "error",
            ["traceback"] = new JsonArray([.. error.Traceback.Select(l => (JsonNode)PythonText.NormalizeNewlines(l))]),
        },
        UnknownOutput unknown => unknown.Raw.DeepClone(),
        _ => throw new NotSupportedException($"Cannot write output type {output.GetType().Name} ('{output.OutputType}')."),
    };

    private static JsonObject BundleToJson(MimeBundle bundle)
    {
        var json = new JsonObject();
        foreach (var (mime, value) in bundle)
        {
            json[mime] = value?.DeepClone();
        }

        SplitMimeBundleInPlace(json, normalizeNewlines: true);
        return json;
    }

    /// <summary>nbformat's <c>_split_mimebundle</c>; captured output also gets its newlines normalised.</summary>
    private static void SplitMimeBundleInPlace(JsonObject bundle, bool normalizeNewlines)
    {
        foreach (var mime in bundle.Select(p => p.Key).ToList())
        {
            if (bundle[mime] is JsonValue value && value.TryGetValue<string>(out var text) && !MimeTypes.IsJson(mime))
            {
                if (normalizeNewlines)
                {
                    text = PythonText.NormalizeNewlines(text);
                }

                bundle[mime] = MimeTypes.IsLineSplit(mime) ? Lines(text) : JsonValue.Create(text);
            }
        }
    }

    private static JsonArray Lines(string text) => new([.. PythonText.SplitLinesKeepEnds(text).Select(l => (JsonNode)l)]);
}
