using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace NewsPerspectives.AI.Tests;

/// <summary>
/// A real HTTP server on 127.0.0.1 (Kestrel, port chosen by the OS) that speaks OpenAI's chat-completions
/// protocol with canned answers, and records every request it receives.
/// </summary>
internal sealed class OpenAiCompatibleServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private OpenAiCompatibleServer(WebApplication app, Uri baseUri)
    {
        _app = app;
        BaseUri = baseUri;
    }

    /// <summary>The API base, e.g. <c>http://127.0.0.1:41234/v1</c>.</summary>
    public Uri BaseUri { get; }

    /// <summary>Every request received: path, Authorization header and the parsed JSON body.</summary>
    public List<(string Path, string? Authorization, JsonElement Body)> Requests { get; } = [];

    /// <summary>The assistant content to answer with (status 200).</summary>
    public string Content { get; set; } = "{}";

    /// <summary>When set, the server answers with this status and an OpenAI error body instead.</summary>
    public HttpStatusCode? FailWith { get; set; }

    public static async Task<OpenAiCompatibleServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        OpenAiCompatibleServer? server = null;
        app.MapPost("/v1/chat/completions", async (HttpContext context) =>
        {
            using var body = await JsonDocument.ParseAsync(context.Request.Body);
            lock (server!.Requests)
            {
                server.Requests.Add((context.Request.Path.Value!, context.Request.Headers.Authorization.ToString(), body.RootElement.Clone()));
            }

            if (server.FailWith is { } status)
            {
                context.Response.StatusCode = (int)status;
                await context.Response.WriteAsJsonAsync(new { error = new { message = "model overloaded", type = "server_error", code = "overloaded" } });
                return;
            }

            var model = body.RootElement.TryGetProperty("model", out var m) ? m.GetString() : "unknown";
            await context.Response.WriteAsJsonAsync(new
            {
                id = "chatcmpl-test-1",
                @object = "chat.completion",
                created = 1768190400,
                model,
                choices = new[]
                {
                    new { index = 0, message = new { role = "assistant", content = server.Content }, finish_reason = "stop" },
                },
                usage = new { prompt_tokens = 1234, completion_tokens = 210, total_tokens = 1444 },
            });
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        server = new OpenAiCompatibleServer(app, new Uri(address.TrimEnd('/') + "/v1"));
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
