using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace NewsPerspectives.Tests.Sources.Http;

/// <summary>A real Kestrel server on 127.0.0.1 (port 0) whose paths are mapped by the test; it records every request and the peak number in flight.</summary>
internal sealed class LoopbackFeedServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, RequestDelegate> _routes = new(StringComparer.Ordinal);
    private int _inFlight;
    private int _maxInFlight;

    private LoopbackFeedServer(WebApplication app, TimeSpan latency)
    {
        _app = app;
        _app.Run(async context =>
        {
            var path = context.Request.Path.Value ?? "/";
            Requests.Enqueue(new RecordedRequest(path + context.Request.QueryString, context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase)));
            int now = Interlocked.Increment(ref _inFlight);
            int seen;
            while (now > (seen = Volatile.Read(ref _maxInFlight)) && Interlocked.CompareExchange(ref _maxInFlight, now, seen) != seen)
            {
            }

            try
            {
                if (latency > TimeSpan.Zero)
                {
                    await Task.Delay(latency, context.RequestAborted);
                }

                if (_routes.TryGetValue(path, out var handler))
                {
                    await handler(context);
                }
                else
                {
                    context.Response.StatusCode = 404;
                    context.Response.ContentType = "text/html; charset=utf-8";
                    await context.Response.WriteAsync("<!doctype html><title>Not found</title><h1>404</h1>");
                }
            }
            catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
            {
                // The client gave up (timeout, size cap): expected in these tests.
            }
            catch (IOException) when (context.RequestAborted.IsCancellationRequested)
            {
            }
            finally
            {
                Interlocked.Decrement(ref _inFlight);
            }
        });
    }

    public string BaseUrl { get; private set; } = "";

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    public int MaxInFlight => Volatile.Read(ref _maxInFlight);

    public static async Task<LoopbackFeedServer> StartAsync(TimeSpan latency = default, int ports = 1)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o =>
        {
            for (int i = 0; i < ports; i++)
            {
                o.Listen(IPAddress.Loopback, 0);
            }

            o.Limits.MinResponseDataRate = null; // Let the slowloris handlers trickle for as long as the client waits.
        });
        var server = new LoopbackFeedServer(builder.Build(), latency);
        await server._app.StartAsync();
        var addresses = server._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.ToArray();
        server.BaseUrls = addresses.Select(a => a.TrimEnd('/')).ToArray();
        server.BaseUrl = server.BaseUrls[0];
        return server;
    }

    public IReadOnlyList<string> BaseUrls { get; private set; } = [];

    /// <summary>Maps a path and returns its absolute URL.</summary>
    public string Map(string path, RequestDelegate handler)
    {
        _routes[path] = handler;
        return BaseUrl + path;
    }

    public string MapFeed(string path, string body, string contentType = "application/rss+xml; charset=utf-8") =>
        Map(path, context =>
        {
            context.Response.ContentType = contentType;
            return context.Response.WriteAsync(body);
        });

    public string MapBytes(string path, byte[] body, string? contentType, int status = 200, Action<HttpResponse>? headers = null) =>
        Map(path, async context =>
        {
            context.Response.StatusCode = status;
            if (contentType is not null)
            {
                context.Response.ContentType = contentType;
            }

            headers?.Invoke(context.Response);
            await context.Response.Body.WriteAsync(body);
        });

    public int Count(string path) => Requests.Count(r => r.Path == path || r.Path.StartsWith(path + "?", StringComparison.Ordinal));

    public async ValueTask DisposeAsync()
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        await _app.StopAsync(stop.Token);
        await _app.DisposeAsync();
    }
}

internal sealed record RecordedRequest(string Path, IReadOnlyDictionary<string, string> Headers);
