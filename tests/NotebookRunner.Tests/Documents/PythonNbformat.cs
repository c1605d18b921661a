using System.Diagnostics;

namespace NotebookRunner.Tests.Documents;

/// <summary>
/// Asks Jupyter's reference implementation, Python's nbformat (Debian's <c>python3-nbformat</c>, which belongs
/// to /usr/bin/python3), whether a notebook is valid. Strictly: the schema as written, and <c>validate()</c>
/// with warnings as errors, because nbformat 5.5's <c>validate()</c> repairs a missing cell id (adding one,
/// with a <c>MissingIDFieldWarning</c> that "will become a hard error") instead of rejecting the file.
/// </summary>
internal static class PythonNbformat
{
    private const string Python = "/usr/bin/python3";

    private const string Script = """
        import copy, json, sys, warnings
        try:
            import nbformat
            from nbformat.validator import iter_validate
        except ImportError as e:
            print(e); sys.exit(3)
        nb = json.load(sys.stdin)
        problems = [e.message for e in iter_validate(copy.deepcopy(nb))]
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            try:
                nbformat.validate(copy.deepcopy(nb))
            except Exception as e:
                problems.append(f"{type(e).__name__}: {e}")
        print("\n".join(problems) if problems else "valid")
        sys.exit(1 if problems else 0)
        """;

    /// <summary>Validates <paramref name="notebookJson"/>; skips the calling test when nbformat is not installed.</summary>
    /// <returns>Whether nbformat accepts it, and nbformat's report ("valid" or the problems).</returns>
    public static (bool Valid, string Report) Validate(string notebookJson)
    {
        if (!File.Exists(Python))
        {
            Assert.Skip($"{Python} is missing: install python3-nbformat (apt-get install python3-nbformat) to check files against nbformat.");
        }

        var start = new ProcessStartInfo(Python, ["-c", Script])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var python = Process.Start(start)!;
        var stdout = python.StandardOutput.ReadToEndAsync();
        var stderr = python.StandardError.ReadToEndAsync();
        python.StandardInput.Write(notebookJson);
        python.StandardInput.Close();
        python.WaitForExit();
        var report = stdout.Result.Trim();

        if (python.ExitCode == 3)
        {
            Assert.Skip($"Python's nbformat is not installed for {Python} ({report}): apt-get install python3-nbformat.");
        }

        Assert.True(python.ExitCode is 0 or 1, $"{Python} failed (exit {python.ExitCode}): {stderr.Result}");
        return (python.ExitCode == 0, report);
    }
}
