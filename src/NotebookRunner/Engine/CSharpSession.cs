using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;
using NotebookRunner.Engine.Directives;
using NotebookRunner.Engine.Packages;
using NotebookRunner.Scripting;

namespace NotebookRunner.Engine;

/// <summary>
/// One C# notebook's state: a Roslyn scripting session whose submissions are chained, so variables, types and
/// usings flow from cell to cell, as in the .NET Interactive C# kernel. Submit a cell, get its events through
/// the sink and its outcome back. Knows nothing about notebooks files, processes or consoles.
/// </summary>
public sealed class CSharpSession
{
    private static readonly AsyncLocal<CSharpSession?> CurrentSession = new();
    private static volatile CSharpSession? _consoleOwner;

    // The imports the .NET Interactive C# kernel adds (CSharpKernel.cs).
    private static readonly string[] DefaultImports =
        ["System", "System.Text", "System.Collections", "System.Collections.Generic", "System.Threading.Tasks", "System.Linq"];

    private static readonly Lazy<IReadOnlyList<MetadataReference>> FrameworkReferences = new(() => LoadFrameworkReferences(core: true));
    private static readonly Lazy<IReadOnlyList<MetadataReference>> OtherFrameworkReferences = new(() => LoadFrameworkReferences(core: false));

    private static readonly MethodInfo? HasReturnValueMethod =
        typeof(Script).GetMethod("HasReturnValue", BindingFlags.Instance | BindingFlags.NonPublic);

    private readonly SessionOptions _options;
    private readonly PackageRestorer _packages;
    private ScriptOptions _scriptOptions;
    private ScriptState<object>? _state;
    private bool _otherFrameworksReferenced;
    private volatile ICellEventSink? _sink;
    private int _executionCount;

    /// <summary>Creates a session; nothing is compiled until the first <see cref="ExecuteAsync"/>.</summary>
    public CSharpSession(SessionOptions? options = null)
    {
        _options = options ?? new SessionOptions();
        _packages = new PackageRestorer(_options.PackageCacheDirectory);
        _scriptOptions = ScriptOptions.Default
            .WithLanguageVersion(LanguageVersion.Latest)
            .WithOptimizationLevel(_options.Optimize ? OptimizationLevel.Release : OptimizationLevel.Debug)
            .WithEmitDebugInformation(!_options.Optimize)
            .WithFileEncoding(System.Text.Encoding.UTF8)
            .WithReferences(FrameworkReferences.Value)
            .AddReferences(typeof(NotebookKernel).Assembly, typeof(Microsoft.DotNet.Interactive.Formatting.Formatter).Assembly)
            .WithImports(DefaultImports)
            .WithMetadataResolver(ScriptMetadataResolver.Default.WithBaseDirectory(_options.BaseDirectory))
            .WithSourceResolver(new SourceFileResolver([], _options.BaseDirectory));
        ConsoleCapture.EnsureInstalled();
        if (_options.OwnsProcessConsole) _consoleOwner = this;
    }

    /// <summary>True when cells are compiled with optimisations (Release); false for Debug, as Polyglot compiles.</summary>
    public bool Optimized => _options.Optimize;

    /// <summary>The session whose cell (or a thread or task started by it) is running on this async context.</summary>
    internal static CSharpSession? Current => CurrentSession.Value;

    /// <summary>The session that owns the process's console, if one was created with <see cref="SessionOptions.OwnsProcessConsole"/>.</summary>
    internal static CSharpSession? ConsoleOwner => _consoleOwner;

    /// <summary>Runs one cell. Never throws for the cell's own failures: those come back as the outcome's error
    /// (and an <see cref="ErrorEvent"/> on the sink).</summary>
    public async Task<CellOutcome> ExecuteAsync(string source, ICellEventSink sink, CancellationToken cancellationToken = default)
    {
        var count = ++_executionCount;
        var clock = Stopwatch.StartNew();
        _sink = sink;
        CurrentSession.Value = this;
        try
        {
            var error = await RunAsync(source, cancellationToken);
            if (error is not null) sink.Publish(error);
            return new CellOutcome(count, error, clock.Elapsed);
        }
        finally
        {
            CurrentSession.Value = null;
        }

        async Task<ErrorEvent?> RunAsync(string code, CancellationToken token)
        {
            var parsed = CellDirectiveParser.Parse(code);
            if (parsed.Problems.Count > 0)
                return new ErrorEvent("UnsupportedDirective", string.Join("\n", parsed.Problems), parsed.Problems, CellErrorKind.Directive);

            if (parsed.Packages.Count > 0 || parsed.PackageSources.Count > 0)
            {
                try
                {
                    var assemblies = await _packages.AddAsync(parsed.Packages, parsed.PackageSources, token);
                    _scriptOptions = _scriptOptions.AddReferences(assemblies.Select(path => MetadataReference.CreateFromFile(path)));
                    PublishDisplay(new Microsoft.AspNetCore.Html.HtmlString(InstalledPackagesHtml()), ["text/html"], Guid.NewGuid().ToString("N"), isUpdate: false);
                }
                catch (PackageRestoreException restore)
                {
                    return new ErrorEvent("NuGetRestoreError", restore.Message, [restore.Message], CellErrorKind.Restore);
                }
            }

            var error = await CompileAndRunAsync(parsed.Code, token);
            if (parsed.Timed)
                PublishDisplay($"Wall time: {clock.Elapsed.TotalMilliseconds.ToString(CultureInfo.InvariantCulture)}ms", ["text/plain"], Guid.NewGuid().ToString("N"), isUpdate: false);
            return error;
        }
    }

    private async Task<ErrorEvent?> CompileAndRunAsync(string code, CancellationToken cancellationToken)
    {
        // Like .NET Interactive's hidden first submission: brings display(...) and HTML(...) into scope.
        _state ??= await CSharpScript.RunAsync($"using static {typeof(NotebookKernel).FullName};", _scriptOptions, cancellationToken: cancellationToken);

        Exception? thrown = null;
        Task<ScriptState<object>> Continue(ScriptState<object> previous) =>
            previous.ContinueWithAsync(code, _scriptOptions, catchException: e => { thrown = e; return true; }, cancellationToken);
        ScriptState<object> state;
        try
        {
            try
            {
                state = await Continue(_state);
            }
            catch (CompilationErrorException) when (!_otherFrameworksReferenced)
            {
                // Referencing ASP.NET Core's ~130 assemblies up front costs every cell of every notebook (about 8 ms
                // per warm cell and 0.6 s of cold start here), so they join the session the first time a cell does
                // not compile. Any error qualifies: a missing framework type shows up as CS0246, CS0103, CS1061 and
                // more (a script even accepts a using of a namespace it cannot see). Nothing ran, so compiling the
                // cell again is safe; a genuine error is reported from the second attempt.
                _otherFrameworksReferenced = true;
                _scriptOptions = _scriptOptions.AddReferences(OtherFrameworkReferences.Value);
                state = await Continue(_state);
            }
        }
        catch (CompilationErrorException compilation)
        {
            // The state stays as it was: a cell that does not compile changes nothing (as in .NET Interactive).
            var diagnostics = compilation.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(FormatDiagnostic).ToList();
            return new ErrorEvent("CompilationError", string.Join("\n", diagnostics), diagnostics, CellErrorKind.Compilation);
        }

        // A runtime exception still yields a state: variables assigned before the throw survive.
        _state = state;
        thrown ??= state.Exception;
        if (thrown is not null) return RuntimeError(thrown);

        if (HasReturnValue(state.Script) && state.ReturnValue is not DisplayedValue)
        {
            // Formatting runs here, outside the cell's code: a throwing formatter would otherwise escape the session.
            try { PublishResult(state.ReturnValue); }
            catch (ValueFormattingException formatting) { return RuntimeError(formatting); }
        }
        return null;
    }

    internal void PublishStream(string name, string text) => _sink?.Publish(new StreamEvent(name, text));

    internal void PublishDisplay(object? value, IReadOnlyList<string> mimeTypes, string displayId, bool isUpdate) =>
        _sink?.Publish(new DisplayEvent(displayId, ValueFormatter.Format(value, mimeTypes), IsResult: false, isUpdate));

    private void PublishResult(object? value) =>
        _sink?.Publish(new DisplayEvent(Guid.NewGuid().ToString("N"), ValueFormatter.Format(value), IsResult: true, IsUpdate: false));

    private string InstalledPackagesHtml()
    {
        var items = string.Concat(_packages.Packages.OrderBy(p => p.Id, StringComparer.OrdinalIgnoreCase)
            .Select(p => $"<li><span>{System.Net.WebUtility.HtmlEncode(p.Id)}, {System.Net.WebUtility.HtmlEncode(p.VersionOrLatest)}</span></li>"));
        return $"<div><div><strong>Installed Packages</strong><ul>{items}</ul></div></div>";
    }

    private static ErrorEvent RuntimeError(Exception exception)
    {
        var traceback = exception.ToString().Replace("\r\n", "\n").Split('\n');
        return new ErrorEvent(exception.GetType().FullName ?? exception.GetType().Name, exception.Message, traceback, CellErrorKind.Runtime);
    }

    private static string FormatDiagnostic(Diagnostic diagnostic)
    {
        var position = diagnostic.Location.GetLineSpan().StartLinePosition;
        return $"({position.Line + 1},{position.Character + 1}): error {diagnostic.Id}: {diagnostic.GetMessage(CultureInfo.InvariantCulture)}";
    }

    private static bool HasReturnValue(Script script)
    {
        var roslynSays = HasReturnValueMethod is not null
            ? (bool)HasReturnValueMethod.Invoke(script, null)!
            : script.GetCompilation().GetEntryPoint(default) is not null && script.ReturnType != typeof(void);
        return roslynSays && script.GetCompilation().SyntaxTrees.Any(SubmissionResult.CanProduceValue);
    }

    // Polyglot's kernel is an ASP.NET Core app on the full shared framework, so cells use Channels, HttpClient,
    // System.Text.Json and the hosting types without #r. Roslyn's ScriptOptions.Default lists only a few
    // facades; reference every assembly of the shared frameworks the process runs on instead
    // (<shared root>/<framework>/<version>/x.dll): Microsoft.NETCore.App (core) at once, the others
    // (Microsoft.AspNetCore.App) when a cell first needs them.
    private static IReadOnlyList<MetadataReference> LoadFrameworkReferences(bool core)
    {
        var coreDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location);
        var sharedRoot = Path.GetDirectoryName(Path.GetDirectoryName(coreDirectory));
        var trusted = (AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Where(path => sharedRoot is not null
                && Path.GetDirectoryName(Path.GetDirectoryName(Path.GetDirectoryName(path))) == sharedRoot
                && (Path.GetDirectoryName(path) == coreDirectory) == core);
        return trusted
            .Where(IsManagedAssembly)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToList();
    }

    private static bool IsManagedAssembly(string path)
    {
        try { AssemblyName.GetAssemblyName(path); return true; }
        catch (BadImageFormatException) { return false; }
    }
}
