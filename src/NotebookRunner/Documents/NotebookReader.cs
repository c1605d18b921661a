using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace NotebookRunner.Documents;

/// <summary>
/// Reads nbformat 4.0–4.5 notebooks. Tolerant where Jupyter and VS Code are (string or line-array
/// text, missing cell metadata, missing outputs/execution_count); strict about types, reporting the
/// JSON path of anything it cannot use. Unknown metadata, cell keys and output types are kept.
/// Also reads Polyglot's <c>.dib</c> text format (see <see cref="ParseDib"/>).
/// </summary>
public static class NotebookReader
{
    /// <summary>
    /// Reads the notebook at <paramref name="path"/>: a <c>.dib</c> file with <see cref="ParseDib"/>, anything
    /// else as <c>.ipynb</c> JSON with <see cref="Parse"/>. The text must be UTF-8 (or UTF-16/32 with a byte
    /// order mark); bytes that do not decode are an error naming the line.
    /// </summary>
    /// <exception cref="NotebookFormatException">The file is not a readable notebook; the message names file and JSON path or line.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static Notebook Read(string path)
    {
        var text = NotebookText.Read(path, path);
        return NotebookFiles.IsDib(path) ? ParseDib(text, path) : Parse(text, path);
    }

    /// <summary>Parses notebook JSON; <paramref name="fileName"/> is only used in error messages.</summary>
    /// <exception cref="NotebookFormatException">The text is not valid JSON or not an nbformat 4 notebook.</exception>
    public static Notebook Parse(string json, string fileName) => new Parser(fileName).ParseNotebook(json);

    /// <summary>
    /// Parses Polyglot's <c>.dib</c> text with Microsoft.DotNet.Interactive.Documents (<c>CodeSubmission.Parse</c>)
    /// into a notebook as VS Code would save it as <c>.ipynb</c>: kernelspec for the default kernel
    /// (<c>.net-csharp</c>, <c>.net-fsharp</c> or <c>.net-pwsh</c>), <c>language_info.name</c> <c>polyglot-notebook</c>,
    /// <c>polyglot_notebook.kernelInfo</c> (default kernel and items), each code cell's
    /// <c>polyglot_notebook.kernelName</c>, markdown cells for <c>#!markdown</c>, and cell ids derived from the
    /// cells so the same file always gives the same notebook. <paramref name="fileName"/> is only used in errors.
    /// </summary>
    /// <exception cref="NotebookFormatException">The <c>#!meta</c> block is invalid; the message names the line.</exception>
    public static Notebook ParseDib(string text, string fileName) => DibReader.Parse(text, fileName);

    /// <summary>One parse; carries the file name for error messages.</summary>
    private sealed class Parser(string fileName)
    {
        private static readonly HashSet<string> CellKeys = ["id", "cell_type", "source", "metadata", "outputs", "execution_count"];

        public Notebook ParseNotebook(string json)
        {
            var root = ParseJson(json);
            if (root is not JsonObject top)
            {
                throw Error("$", $"expected a JSON object (a notebook), found {Describe(root)}");
            }

            var nbformat = RequiredInt(top, "nbformat", "$");
            if (nbformat != 4)
            {
                throw Error("$.nbformat", $"unsupported nbformat {nbformat}: only nbformat 4 (4.0–4.5) is supported");
            }

            var notebook = new Notebook
            {
                NbFormat = nbformat,
                NbFormatMinor = OptionalInt(top, "nbformat_minor", "$") ?? 0,
                Metadata = OptionalObject(top, "metadata", "$") ?? [],
            };

            var cells = top["cells"] switch
            {
                JsonArray array => array,
                null when !top.ContainsKey("cells") => throw Error("$.cells", "missing"),
                var other => throw Error("$.cells", $"expected an array, found {Describe(other)}"),
            };

            for (var i = 0; i < cells.Count; i++)
            {
                notebook.Cells.Add(ParseCell(cells[i], $"$.cells[{i}]"));
            }

            notebook.EnsureValidCellIds();
            return notebook;
        }

        private JsonNode? ParseJson(string json)
        {
            try
            {
                // Duplicate keys are rejected here, with their position: JsonObject would otherwise throw
                // a bare ArgumentException later, when it materialises the object.
                return JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { MaxDepth = 512, AllowDuplicateProperties = false });
            }
            catch (JsonException ex)
            {
                var reason = ex.Message;
                var cut = reason.IndexOf(" Path:", StringComparison.Ordinal);
                if (cut > 0)
                {
                    reason = reason[..cut];
                }

                var where = ex.LineNumber is { } line
                    ? $" at line {line + 1}, position {(ex.BytePositionInLine ?? 0) + 1}"
                    : "";
                throw Error(ex.Path ?? "$", $"invalid JSON{where}: {reason}", ex);
            }
        }

        private NotebookCell ParseCell(JsonNode? node, string path)
        {
            if (node is not JsonObject obj)
            {
                throw Error(path, $"expected a cell object, found {Describe(node)}");
            }

            var cellType = RequiredString(obj, "cell_type", path);
            var cell = new NotebookCell(cellType, MultilineString(obj["source"], path + ".source") ?? "")
            {
                Metadata = OptionalObject(obj, "metadata", path) ?? [],
                Id = OptionalString(obj, "id", path) ?? "",
            };

            var isCode = cellType == NotebookCell.CodeType;
            var isKnownNonCode = cellType is NotebookCell.MarkdownType or NotebookCell.RawType;
            if (isCode)
            {
                cell.ExecutionCount = OptionalInt(obj, "execution_count", path);
                if (obj["outputs"] is { } outputsNode)
                {
                    if (outputsNode is not JsonArray outputs)
                    {
                        throw Error(path + ".outputs", $"expected an array, found {Describe(outputsNode)}");
                    }

                    for (var j = 0; j < outputs.Count; j++)
                    {
                        cell.Outputs.Add(ParseOutput(outputs[j], $"{path}.outputs[{j}]"));
                    }
                }
            }

            foreach (var (key, value) in obj)
            {
                // outputs/execution_count on markdown and raw cells violate the schema; dropping them
                // lets the notebook be written back valid. Unknown cell types keep everything.
                var known = isCode || isKnownNonCode ? CellKeys.Contains(key) : key is "id" or "cell_type" or "source" or "metadata";
                if (known)
                {
                    continue;
                }

                var copy = value?.DeepClone();
                if (key == "attachments" && copy is JsonObject attachments)
                {
                    foreach (var (_, bundle) in attachments)
                    {
                        if (bundle is JsonObject mimeBundle)
                        {
                            RejoinMimeBundle(mimeBundle);
                        }
                    }
                }

                cell.ExtraProperties[key] = copy;
            }

            return cell;
        }

        private CellOutput ParseOutput(JsonNode? node, string path)
        {
            if (node is not JsonObject obj)
            {
                throw Error(path, $"expected an output object, found {Describe(node)}");
            }

            var type = RequiredString(obj, "output_type", path);
            switch (type)
            {
                case "stream":
                    return new StreamOutput(
                        OptionalString(obj, "name", path) ?? StreamOutput.StdOut,
                        MultilineString(obj["text"], path + ".text") ?? "");
                case "display_data":
                    return new DisplayDataOutput(ParseMimeBundle(obj, path), OptionalObject(obj, "metadata", path));
                case "execute_result":
                    return new ExecuteResultOutput(
                        ParseMimeBundle(obj, path),
                        OptionalInt(obj, "execution_count", path),
                        OptionalObject(obj, "metadata", path));
                case "error":
                    var traceback = new List<string>();
                    if (obj["traceback"] is { } tracebackNode)
                    {
                        if (tracebackNode is not JsonArray lines)
                        {
                            throw Error(path + ".traceback", $"expected an array of strings, found {Describe(tracebackNode)}");
                        }

                        for (var k = 0; k < lines.Count; k++)
                        {
                            traceback.Add(AsString(lines[k], $"{path}.traceback[{k}]"));
                        }
                    }

                    return new ErrorOutput(OptionalString(obj, "ename", path) ?? "", OptionalString(obj, "evalue", path) ?? "", traceback);
                default:
                    return new UnknownOutput((JsonObject)obj.DeepClone());
            }
        }

        private MimeBundle ParseMimeBundle(JsonObject output, string path)
        {
            var bundle = new MimeBundle();
            if (output["data"] is not { } dataNode)
            {
                return bundle;
            }

            if (dataNode is not JsonObject data)
            {
                throw Error(path + ".data", $"expected an object keyed by MIME type, found {Describe(dataNode)}");
            }

            foreach (var (mime, value) in data)
            {
                bundle.SetRaw(mime, JoinIfLines(mime, value) is { } joined ? JsonValue.Create(joined) : value?.DeepClone());
            }

            return bundle;
        }

        /// <summary>nbformat's <c>_rejoin_mimebundle</c>: non-JSON values given as string arrays are joined.</summary>
        private static void RejoinMimeBundle(JsonObject bundle)
        {
            foreach (var mime in bundle.Select(p => p.Key).ToList())
            {
                if (JoinIfLines(mime, bundle[mime]) is { } joined)
                {
                    bundle[mime] = joined;
                }
            }
        }

        private static string? JoinIfLines(string mime, JsonNode? value) =>
            !MimeTypes.IsJson(mime) && value is JsonArray lines && lines.All(IsString)
                ? string.Concat(lines.Select(l => l!.GetValue<string>()))
                : null;

        /// <summary>A multiline string: one string or an array of strings joined with "". Null when absent.</summary>
        private string? MultilineString(JsonNode? node, string path)
        {
            switch (node)
            {
                case null:
                    return null;
                case JsonArray lines:
                    var sb = new StringBuilder();
                    for (var i = 0; i < lines.Count; i++)
                    {
                        sb.Append(AsString(lines[i], $"{path}[{i}]"));
                    }

                    return sb.ToString();
                default:
                    return AsString(node, path);
            }
        }

        private string AsString(JsonNode? node, string path) =>
            IsString(node) ? node!.GetValue<string>() : throw Error(path, $"expected a string, found {Describe(node)}");

        private string RequiredString(JsonObject obj, string key, string parentPath) =>
            obj.ContainsKey(key) ? AsString(obj[key], Child(parentPath, key)) : throw Error(Child(parentPath, key), "missing");

        private string? OptionalString(JsonObject obj, string key, string parentPath) =>
            obj[key] is null ? null : AsString(obj[key], Child(parentPath, key));

        private int RequiredInt(JsonObject obj, string key, string parentPath) =>
            obj.ContainsKey(key)
                ? OptionalInt(obj, key, parentPath) ?? throw Error(Child(parentPath, key), "expected an integer, found null")
                : throw Error(Child(parentPath, key), "missing");

        private int? OptionalInt(JsonObject obj, string key, string parentPath)
        {
            var node = obj[key];
            if (node is null)
            {
                return null;
            }

            if (node is JsonValue value && value.GetValueKind() == JsonValueKind.Number && value.TryGetValue<int>(out var number))
            {
                return number;
            }

            throw Error(Child(parentPath, key), $"expected an integer, found {Describe(node)}");
        }

        private JsonObject? OptionalObject(JsonObject obj, string key, string parentPath) => obj[key] switch
        {
            null => null,
            JsonObject found => (JsonObject)found.DeepClone(),
            var other => throw Error(Child(parentPath, key), $"expected an object, found {Describe(other)}"),
        };

        private static bool IsString(JsonNode? node) => node is JsonValue v && v.GetValueKind() == JsonValueKind.String;

        private static string Child(string parentPath, string key) =>
            key.All(c => char.IsAsciiLetterOrDigit(c) || c == '_') ? $"{parentPath}.{key}" : $"{parentPath}['{key}']";

        private static string Describe(JsonNode? node) => node switch
        {
            null => "null",
            JsonObject => "an object",
            JsonArray => "an array",
            JsonValue v => v.GetValueKind() switch
            {
                JsonValueKind.String => "a string",
                JsonValueKind.Number => $"the number {v.ToJsonString()}",
                JsonValueKind.True or JsonValueKind.False => $"the boolean {v.ToJsonString()}",
                _ => v.ToJsonString(),
            },
            _ => node.GetType().Name,
        };

        private NotebookFormatException Error(string path, string problem, Exception? inner = null) => new(fileName, path, problem, inner);
    }
}
