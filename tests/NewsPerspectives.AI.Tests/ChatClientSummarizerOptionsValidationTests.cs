using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace NewsPerspectives.AI.Tests;

/// <summary><see cref="ChatClientSummarizerOptions"/> are checked when a host starts, naming the option, like every other options class.</summary>
public sealed class ChatClientSummarizerOptionsValidationTests
{
    private static IHost BuildHost(Action<ChatClientSummarizerOptions> configure)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<IChatClient>(FakeChatClient.Answering("{}"));
        builder.Services.AddNewsPerspectives().UseChatClientSummarizer(configure).UseChatClientSummarizer(configure);
        return builder.Build();
    }

    [Fact]
    public async Task AnOutOfRangeOption_FailsTheHostAtStart_NamingEveryBadOption()
    {
        using var host = BuildHost(o =>
        {
            o.Timeout = TimeSpan.Zero;
            o.MaxHighlights = -1;
        });
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        Assert.Equal(
        [
            "ChatClientSummarizerOptions.Timeout is 00:00:00; it must be positive (or Timeout.InfiniteTimeSpan)",
            "ChatClientSummarizerOptions.MaxHighlights is -1; it must be 0 or more",
        ], error.Failures);
    }

    [Fact]
    public async Task TheDefaults_StartTheHost()
    {
        using var host = BuildHost(_ => { });
        await host.StartAsync();
        Assert.IsType<ChatClientSummarizer>(host.Services.GetRequiredService<ISummarizer>());
        await host.StopAsync();
    }
}
