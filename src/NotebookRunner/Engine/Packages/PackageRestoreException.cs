namespace NotebookRunner.Engine.Packages;

/// <summary>A <c>#r "nuget:..."</c> could not be restored; the message names the package and the cause.</summary>
public sealed class PackageRestoreException(string message) : Exception(message);
