using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using NotebookRunner.Engine.Directives;

namespace NotebookRunner.Engine.Packages;

/// <summary>
/// Restores <c>#r "nuget:..."</c> packages with the dotnet SDK, the way .NET Interactive does it (through a
/// generated project), into a cache keyed by the package set so a second run costs nothing. Packages
/// accumulate over a session; asking for a different version of one already added is an error, as in
/// .NET Interactive.
/// </summary>
public sealed partial class PackageRestorer(string cacheDirectory)
{
    private readonly Dictionary<string, PackageReference> _packages = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> _sources = [];
    private readonly HashSet<string> _referenced = new(StringComparer.Ordinal);

    /// <summary>Every package added so far.</summary>
    public IReadOnlyCollection<PackageReference> Packages => _packages.Values;

    /// <summary>Adds the references and sources, restores the whole set, and returns the assembly paths
    /// that were not returned before.</summary>
    public async Task<IReadOnlyList<string>> AddAsync(IReadOnlyList<PackageReference> references, IReadOnlyList<string> sources, CancellationToken cancellationToken)
    {
        foreach (var source in sources.Where(s => !_sources.Contains(s))) _sources.Add(source);
        foreach (var reference in references)
        {
            if (_packages.TryGetValue(reference.Id, out var existing))
            {
                if (!string.Equals(existing.VersionOrLatest, reference.VersionOrLatest, StringComparison.OrdinalIgnoreCase))
                    throw new PackageRestoreException($"{reference.Id} version {reference.VersionOrLatest} cannot be added because version {existing.VersionOrLatest} was added previously.");
                continue;
            }
            _packages[reference.Id] = reference;
        }
        if (_packages.Count == 0) return [];

        var assemblies = await RestoreAsync(cancellationToken);
        return assemblies.Where(_referenced.Add).ToList();
    }

    private async Task<IReadOnlyList<string>> RestoreAsync(CancellationToken cancellationToken)
    {
        var project = BuildProject();
        var folder = Path.Combine(cacheDirectory, Hash(project.ToString()));
        var output = Path.Combine(folder, "out");
        var marker = Path.Combine(folder, "restored.ok");
        if (!File.Exists(marker))
        {
            Directory.CreateDirectory(folder);
            var projectPath = Path.Combine(folder, "packages.csproj");
            project.Save(projectPath);
            var (exitCode, log) = await RunDotnetAsync(folder, cancellationToken,
                "build", projectPath, "-c", "Release", "-o", output, "-nologo", "-v", "q",
                "-p:ImportDirectoryBuildProps=false", "-p:ImportDirectoryPackagesProps=false", "-p:TreatWarningsAsErrors=false");
            if (exitCode != 0) throw new PackageRestoreException(DescribeFailure(log));
            await File.WriteAllTextAsync(marker, DateTimeOffset.UtcNow.ToString("O"), cancellationToken);
        }

        return Directory.EnumerateFiles(output, "*.dll")
            .Where(path => !Path.GetFileName(path).Equals("packages.dll", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    private XDocument BuildProject()
    {
        var properties = new XElement("PropertyGroup",
            new XElement("TargetFramework", "net" + Environment.Version.ToString(2)),
            new XElement("OutputType", "Library"),
            new XElement("AssemblyName", "packages"),
            new XElement("CopyLocalLockFileAssemblies", "true"),
            new XElement("GenerateDocumentationFile", "false"),
            new XElement("ManagePackageVersionsCentrally", "false"),
            new XElement("NoWarn", "NU1603;NU1701"));
        if (_sources.Count > 0) properties.Add(new XElement("RestoreAdditionalProjectSources", string.Join(';', _sources)));
        var items = new XElement("ItemGroup", _packages.Values.OrderBy(p => p.Id, StringComparer.OrdinalIgnoreCase)
            .Select(p => new XElement("PackageReference", new XAttribute("Include", p.Id), new XAttribute("Version", p.VersionOrLatest))));
        return new XDocument(new XElement("Project", new XAttribute("Sdk", "Microsoft.NET.Sdk"), properties, items));
    }

    private string DescribeFailure(string log)
    {
        var missing = MissingPackage().Matches(log).Select(m => m.Groups["id"].Value).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (missing.Count > 0)
            return $"NuGet restore failed: package {string.Join(", ", missing.Select(m => $"'{m}'"))} was not found in the configured package sources.";
        var errors = log.Split('\n').Select(l => l.Trim()).Where(l => l.Contains(": error ", StringComparison.Ordinal)).Distinct().Take(5).ToList();
        var packages = string.Join("; ", _packages.Values);
        return $"NuGet restore failed for {packages}: " + (errors.Count > 0 ? string.Join(" | ", errors) : log.Trim());
    }

    private static async Task<(int ExitCode, string Log)> RunDotnetAsync(string workingDirectory, CancellationToken cancellationToken, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        // The child SDK must not inherit MSBuild state of a parent build (e.g. when tests run under `dotnet test`).
        foreach (var key in new[] { "MSBuildExtensionsPath", "MSBuildSDKsPath", "MSBUILD_EXE_PATH", "DOTNET_HOST_PATH" }) start.Environment.Remove(key);
        using var process = Process.Start(start) ?? throw new PackageRestoreException("NuGet restore failed: could not start 'dotnet'.");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        return (process.ExitCode, await stdout + await stderr);
    }

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];

    [GeneratedRegex(@"NU1101: Unable to find package (?<id>[^\s.]+(\.[^\s.]+)*)\.? ", RegexOptions.CultureInvariant)]
    private static partial Regex MissingPackage();
}
