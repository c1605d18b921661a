using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ConcurrencyLab.Rendering;

namespace ConcurrencyLab.Servers;

/// <summary>
/// A real HTTP server (ASP.NET Core's Kestrel) on 127.0.0.1 and a free port, for the I/O chapters: each request
/// chooses its latency and payload size, so a cell can make "a slow remote service" on demand and talk to it
/// with <see cref="HttpClient"/>. Runs in the notebook's process; stopped when disposed.
/// </summary>
/// <example><code>using var server = LoopbackServer.Start();
/// using var http = server.CreateClient();
/// var bytes = await http.GetByteArrayAsync(server.DataUrl(latencyMs: 200, bytes: 4096));</code></example>
[TypeFormatterSource(typeof(PlainTextFormatterSource), PreferredMimeTypes = new[] { ChartMimeTypes.PlainText })]
public sealed class LoopbackServer : IDisposable, IAsyncDisposable
{
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(5);

    private readonly WebApplication _app;
    private int _disposed;

    private LoopbackServer(WebApplication app, Uri baseAddress, LoopbackServerOptions options, LoopbackServerStatistics statistics)
    {
        _app = app;
        BaseAddress = baseAddress;
        Options = options;
        Statistics = statistics;
    }

    /// <summary>The server's address, e.g. <c>http://127.0.0.1:40123/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The defaults the server answers with.</summary>
    public LoopbackServerOptions Options { get; }

    /// <summary>How many requests the server has served, and how many at most at once.</summary>
    public LoopbackServerStatistics Statistics { get; }

    /// <summary>The app's services, to reach something registered through <see cref="LoopbackServerOptions.ConfigureServices"/>.</summary>
    public IServiceProvider Services => _app.Services;

    /// <summary>Starts a server and waits until it listens.</summary>
    public static LoopbackServer Start(LoopbackServerOptions? options = null) =>
        // Off the caller's thread, so a single-threaded SynchronizationContext cannot deadlock the start.
        Task.Run(() => StartAsync(options)).GetAwaiter().GetResult();

    /// <summary>Starts a server; the task completes when it listens.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A default latency or payload size is negative.</exception>
    public static async Task<LoopbackServer> StartAsync(LoopbackServerOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= LoopbackServerOptions.Default;
        if (options.Latency < TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(options), options.Latency, "LoopbackServerOptions.Latency must not be negative.");
        if (options.PayloadBytes < 0)
            throw new ArgumentOutOfRangeException(nameof(options), options.PayloadBytes, "LoopbackServerOptions.PayloadBytes must not be negative.");

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            // No appsettings.json from the notebook's folder, no environment-specific surprises.
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = Environments.Production,
            ApplicationName = typeof(LoopbackServer).Assembly.GetName().Name,
        });
        // Kestrel's startup lines would land in the cell's output.
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Services.AddSingleton<IHostLifetime, NotebookHostLifetime>();
        var statistics = new LoopbackServerStatistics();
        options.ConfigureServices?.Invoke(builder.Services);

        var app = builder.Build();
        var endpoints = new LoopbackEndpoints(options, statistics);
        app.MapGet("/", endpoints.Describe);
        app.MapGet("/data", endpoints.Data);
        options.ConfigureEndpoints?.Invoke(app);

        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }
        var address = app.Urls.First();
        return new LoopbackServer(app, new Uri(address.EndsWith('/') ? address : address + "/"), options, statistics);
    }

    /// <summary>The URL of a <c>/data</c> request that waits <paramref name="latencyMs"/> and returns <paramref name="bytes"/> bytes.</summary>
    /// <remarks>Omitted values use <see cref="Options"/>.</remarks>
    public Uri DataUrl(double? latencyMs = null, int? bytes = null)
    {
        var query = new List<string>();
        if (latencyMs is { } ms)
            query.Add("ms=" + ms.ToString(CultureInfo.InvariantCulture));
        if (bytes is { } size)
            query.Add("bytes=" + size.ToString(CultureInfo.InvariantCulture));
        return new Uri(BaseAddress, query.Count == 0 ? "data" : "data?" + string.Join("&", query));
    }

    /// <summary>The URL of a <c>/data</c> request with the given latency and payload.</summary>
    public Uri DataUrl(TimeSpan latency, int? bytes = null) => DataUrl(latency.TotalMilliseconds, bytes);

    /// <summary>An <see cref="HttpClient"/> whose <see cref="HttpClient.BaseAddress"/> is this server.</summary>
    /// <remarks>Its timeout is 100 s like any HttpClient's; the caller disposes it.</remarks>
    public HttpClient CreateClient() => new() { BaseAddress = BaseAddress };

    /// <summary>Stops listening, waiting up to 5 s for requests in flight.</summary>
    public void Dispose() => Task.Run(DisposeAsync).GetAwaiter().GetResult();

    /// <summary>Stops listening, waiting up to 5 s for requests in flight.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
            return;
        using (var stop = new CancellationTokenSource(StopTimeout))
            await _app.StopAsync(stop.Token).ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    /// <inheritdoc />
    public override string ToString() => $"LoopbackServer at {BaseAddress} ({Statistics})";
}
