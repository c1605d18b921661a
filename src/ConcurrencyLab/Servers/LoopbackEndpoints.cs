using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace ConcurrencyLab.Servers;

/// <summary>The server's own endpoints: <c>/data</c> waits then returns bytes; <c>/</c> describes the server.</summary>
internal sealed class LoopbackEndpoints
{
    // Deterministic payload, so a client can check what it received: byte i is (i % 251).
    private static readonly byte[] Pattern = Enumerable.Range(0, 251 * 64).Select(i => (byte)(i % 251)).ToArray();
    private const int MaxPayloadBytes = 64 * 1024 * 1024;
    private static readonly TimeSpan MaxLatency = TimeSpan.FromMinutes(1);

    private readonly LoopbackServerOptions _options;
    private readonly LoopbackServerStatistics _statistics;

    public LoopbackEndpoints(LoopbackServerOptions options, LoopbackServerStatistics statistics)
    {
        _options = options;
        _statistics = statistics;
    }

    public async Task Data(HttpContext context)
    {
        if (!TryReadLatency(context.Request, out var latency, out var latencyError)
            || !TryReadBytes(context.Request, out var bytes, out latencyError))
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            await context.Response.WriteAsync(latencyError + "\n", context.RequestAborted);
            return;
        }

        _statistics.RequestStarted();
        try
        {
            // Waiting holds no thread: the server stands for a remote service whose latency is the network's
            // and the backend's, not this process's CPU.
            if (latency > TimeSpan.Zero)
                await Task.Delay(latency, context.RequestAborted);
            context.Response.ContentType = "application/octet-stream";
            context.Response.ContentLength = bytes;
            for (var written = 0; written < bytes; written += Pattern.Length)
            {
                var count = Math.Min(Pattern.Length, bytes - written);
                await context.Response.Body.WriteAsync(Pattern.AsMemory(0, count), context.RequestAborted);
            }
        }
        finally
        {
            _statistics.RequestFinished();
        }
    }

    public Task Describe(HttpContext context)
    {
        context.Response.ContentType = "text/plain";
        return context.Response.WriteAsync(
            $"ConcurrencyLab loopback server. GET /data?ms=<latency ms>&bytes=<payload bytes> " +
            $"(defaults {_options.Latency.TotalMilliseconds:0} ms, {_options.PayloadBytes} bytes)\n");
    }

    private bool TryReadLatency(HttpRequest request, out TimeSpan latency, out string error)
    {
        latency = _options.Latency;
        error = "";
        if (!request.Query.TryGetValue("ms", out var text))
            return true;
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var ms) || ms < 0 || ms > MaxLatency.TotalMilliseconds)
        {
            error = $"query parameter 'ms' must be a number of milliseconds from 0 to {MaxLatency.TotalMilliseconds:0}, got '{text}'";
            return false;
        }
        latency = TimeSpan.FromMilliseconds(ms);
        return true;
    }

    private bool TryReadBytes(HttpRequest request, out int bytes, out string error)
    {
        bytes = _options.PayloadBytes;
        error = "";
        if (!request.Query.TryGetValue("bytes", out var text))
            return true;
        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out bytes) || bytes < 0 || bytes > MaxPayloadBytes)
        {
            error = $"query parameter 'bytes' must be a whole number from 0 to {MaxPayloadBytes}, got '{text}'";
            return false;
        }
        return true;
    }

    internal static byte ExpectedByte(long index) => (byte)(index % 251);
}
