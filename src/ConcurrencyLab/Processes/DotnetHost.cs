using System.Runtime.InteropServices;

namespace ConcurrencyLab.Processes;

/// <summary>Finds the <c>dotnet</c> executable that can build and run child programs.</summary>
internal static class DotnetHost
{
    private static readonly Lazy<string> Path = new(Locate);

    public static string Executable => Path.Value;

    private static string Locate()
    {
        var fileName = RuntimeInformation.IsOSPlatform(OSPlatform.Windows) ? "dotnet.exe" : "dotnet";

        // The SDK sets DOTNET_HOST_PATH for tools it starts; a notebook kernel started by `dotnet` runs in it.
        var fromSdk = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(fromSdk) && File.Exists(fromSdk))
            return fromSdk;
        var current = Environment.ProcessPath;
        if (current is not null && string.Equals(System.IO.Path.GetFileName(current), fileName, StringComparison.OrdinalIgnoreCase))
            return current;
        var root = Environment.GetEnvironmentVariable("DOTNET_ROOT");
        if (!string.IsNullOrEmpty(root) && File.Exists(System.IO.Path.Combine(root, fileName)))
            return System.IO.Path.Combine(root, fileName);
        foreach (var directory in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = System.IO.Path.Combine(directory, fileName);
            if (File.Exists(candidate))
                return candidate;
        }
        throw new InvalidOperationException(
            "Cannot find the 'dotnet' executable (looked at DOTNET_HOST_PATH, the current process, DOTNET_ROOT and PATH); child programs need the .NET SDK.");
    }
}
