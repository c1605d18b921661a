namespace NotebookRunner.Reporting;

/// <summary>The one inline style sheet of every report page: light, readable, no external resources.</summary>
internal static class HtmlReportStyles
{
    public const string Css = """
        :root { color-scheme: light; --border: #d0d7de; --muted: #57606a; --bg-code: #f6f8fa; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1f2328; background: #fff; }
        header, main, footer { max-width: 1100px; margin: 0 auto; padding: 16px 24px; }
        header { border-bottom: 1px solid var(--border); }
        h1 { font-size: 1.6em; margin: 8px 0; word-break: break-word; }
        a { color: #0969da; }
        pre, code { font: 13px/1.45 ui-monospace, "Cascadia Code", Consolas, "DejaVu Sans Mono", monospace; }
        pre { margin: 0; padding: 8px 12px; overflow-x: auto; white-space: pre-wrap; word-break: break-word; }
        .meta { color: var(--muted); margin: 4px 0; }
        .status { display: inline-block; padding: 1px 10px; border-radius: 12px; font-weight: 600; font-size: 0.9em; }
        .status-passed { background: #dafbe1; color: #116329; }
        .status-failed { background: #ffebe9; color: #a40e26; }
        .status-timed-out { background: #fff8c5; color: #7d4e00; }
        .status-crashed { background: #ffd8b5; color: #762c00; }
        .status-other { background: #eaeef2; color: #24292f; }
        .failure { border-left: 4px solid #cf222e; background: #fff5f5; padding: 8px 12px; margin: 8px 0; white-space: pre-wrap; }
        .note { border-left: 4px solid #d4a72c; background: #fff8c5; padding: 8px 12px; margin: 8px 0; white-space: pre-wrap; }
        .cell { display: grid; grid-template-columns: 72px minmax(0, 1fr); gap: 0 8px; margin: 14px 0; }
        .prompt { color: var(--muted); font: 12px ui-monospace, monospace; text-align: right; padding-top: 9px; }
        .cell-body { min-width: 0; }
        .source { background: var(--bg-code); border: 1px solid var(--border); border-radius: 6px; }
        .cell-markdown .cell-body { padding: 0 4px; }
        .cell-raw .source { background: #fff; border-style: dashed; }
        .cell-not-run .source { opacity: 0.6; }
        .tags { margin: 2px 0 4px; }
        .tag { display: inline-block; font-size: 0.75em; color: var(--muted); border: 1px solid var(--border); border-radius: 10px; padding: 0 8px; margin-right: 4px; }
        .output { margin-top: 6px; }
        .stream.stdout { border-left: 3px solid var(--border); }
        .stream.stderr { background: #fff8f0; border-left: 3px solid #d4a72c; color: #6f3800; }
        .error { border: 1px solid #cf222e; background: #ffebe9; border-radius: 6px; }
        .error-title { font-weight: 600; color: #a40e26; padding: 8px 12px 0; white-space: pre-wrap; word-break: break-word; }
        .traceback { color: #82071e; }
        .rich { overflow-x: auto; }
        .out-prompt { color: var(--muted); font: 12px ui-monospace, monospace; }
        .svg-output svg, .image-output { max-width: 100%; height: auto; }
        .html-output table { border-collapse: collapse; }
        .html-output th, .html-output td { border: 1px solid var(--border); padding: 2px 8px; }
        .markdown-output, .html-output { padding: 4px 0; }
        .unknown { color: var(--muted); font-style: italic; }
        table.summary { border-collapse: collapse; width: 100%; }
        table.summary th, table.summary td { border-bottom: 1px solid var(--border); padding: 6px 10px; text-align: left; vertical-align: top; }
        table.summary th { background: var(--bg-code); }
        table.summary td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
        .totals { font-weight: 600; }
        footer { color: var(--muted); font-size: 0.9em; border-top: 1px solid var(--border); }
        """;
}
