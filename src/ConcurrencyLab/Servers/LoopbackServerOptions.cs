using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace ConcurrencyLab.Servers;

/// <summary>How a <see cref="LoopbackServer"/> answers when a request does not say.</summary>
public sealed record LoopbackServerOptions
{
    /// <summary>Default options: 100 ms latency, 1 KiB payload.</summary>
    public static LoopbackServerOptions Default { get; } = new();

    /// <summary>How long <c>/data</c> waits before answering when the request has no <c>ms</c> parameter.</summary>
    public TimeSpan Latency { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>How many bytes <c>/data</c> returns when the request has no <c>bytes</c> parameter.</summary>
    public int PayloadBytes { get; init; } = 1024;

    /// <summary>Extra services, e.g. <c>services => services.AddHostedService&lt;Worker&gt;()</c>.</summary>
    public Action<IServiceCollection>? ConfigureServices { get; init; }

    /// <summary>Extra endpoints, e.g. <c>endpoints => endpoints.MapPost("/jobs", ...)</c>.</summary>
    public Action<IEndpointRouteBuilder>? ConfigureEndpoints { get; init; }
}
