namespace NotebookRunner.Engine.Directives;

/// <summary>A <c>#r "nuget: Id, Version"</c> reference. A missing version means the latest (<c>*</c>).</summary>
public sealed record PackageReference(string Id, string? Version)
{
    /// <summary>The version as MSBuild wants it: <c>*</c> when none was given.</summary>
    public string VersionOrLatest => string.IsNullOrWhiteSpace(Version) ? "*" : Version;

    /// <summary>Parses the text after <c>nuget:</c>, e.g. <c>" Newtonsoft.Json, 13.0.1"</c>.</summary>
    public static bool TryParse(string text, out PackageReference? reference)
    {
        reference = null;
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        if (parts.Length is < 1 or > 2 || parts[0].Length == 0 || parts[0].Any(char.IsWhiteSpace)) return false;
        reference = new PackageReference(parts[0], parts.Length == 2 && parts[1].Length > 0 ? parts[1] : null);
        return true;
    }

    /// <inheritdoc />
    public override string ToString() => Version is null ? Id : $"{Id}, {Version}";
}
