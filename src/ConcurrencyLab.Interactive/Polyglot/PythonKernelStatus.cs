using System.Net;
using System.Text.RegularExpressions;

namespace ConcurrencyLab.Interactive.Polyglot;

/// <summary>What <see cref="PythonKernel.ConnectAsync"/> did: connected Python, or why it could not and what to do.</summary>
public sealed record PythonKernelStatus
{
    /// <summary>True when the notebook now has a <c>#!python</c> kernel.</summary>
    public required bool IsConnected { get; init; }

    /// <summary>The Jupyter kernelspec asked for.</summary>
    public required string KernelSpec { get; init; }

    /// <summary>Python's version as ipykernel reports it, when connected.</summary>
    public string? PythonVersion { get; init; }

    /// <summary>Where the kernelspec lives, when found.</summary>
    public string? KernelSpecDirectory { get; init; }

    /// <summary>Why Python is not connected, when it is not.</summary>
    public string? Reason { get; init; }

    /// <summary>True when an earlier cell had connected it already.</summary>
    public bool AlreadyConnected { get; init; }

    internal static PythonKernelStatus Connected(string? version, string spec, string? directory, bool alreadyConnected) =>
        new() { IsConnected = true, KernelSpec = spec, PythonVersion = version, KernelSpecDirectory = directory, AlreadyConnected = alreadyConnected };

    internal static PythonKernelStatus Unavailable(string spec, string reason) =>
        new() { IsConnected = false, KernelSpec = spec, Reason = reason };

    /// <summary>How to get a Python kernel, for the message shown when there is none.</summary>
    public const string HowToInstall =
        "install one, then restart this notebook's kernel: on Debian/Ubuntu `sudo apt-get install python3-ipykernel`; " +
        "elsewhere `python3 -m pip install ipykernel && python3 -m ipykernel install --user`";

    /// <summary>One plain paragraph, the same in every front end.</summary>
    public override string ToString() => IsConnected
        ? $"Python {PythonVersion ?? "(version not reported)"} {(AlreadyConnected ? "was already connected" : "connected")} as #!{PythonKernel.KernelName} " +
          $"(Jupyter kernelspec '{KernelSpec}'{(KernelSpecDirectory is null ? "" : $", {KernelSpecDirectory}")}). The #!{PythonKernel.KernelName} cells run in it."
        : $"No Python kernel: {Reason}. The cells that start with #!{PythonKernel.KernelName} will not run; every C# cell still does, " +
          $"and charts show .NET's numbers alone. To run them, {HowToInstall}.";

    /// <summary>The same text as <see cref="ToString"/>, as HTML (the kernel shows objects as HTML by default).</summary>
    public string ToHtml() => $"<p>{Backticks.Replace(WebUtility.HtmlEncode(ToString()), "<code>$1</code>")}</p>";

    // The text marks commands with backticks, as Markdown would; HTML shows them as code.
    private static readonly Regex Backticks = new("`([^`]+)`", RegexOptions.Compiled);
}
