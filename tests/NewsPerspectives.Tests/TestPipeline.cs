using Microsoft.Extensions.DependencyInjection;

namespace NewsPerspectives.Tests;

/// <summary>Runs the default pipeline through DI, as a user would.</summary>
internal static class TestPipeline
{
    public static ServiceProvider Services(Action<NewsPerspectivesOptions>? configure = null, Action<INewsPerspectivesBuilder>? build = null)
    {
        var services = new ServiceCollection();
        var builder = services.AddNewsPerspectives(configure);
        build?.Invoke(builder);
        return services.BuildServiceProvider();
    }

    public static async Task<DigestRun> RunAsync(TopicDefinition topic, DateTimeOffset asOf, Action<NewsPerspectivesOptions>? configure = null)
    {
        await using var provider = Services(configure);
        return await provider.GetRequiredService<DigestPipeline>().RunAsync(topic, asOf);
    }

    public static async Task<string> RenderAsync(IDigestWriter writer, DigestRun run)
    {
        using var stream = new MemoryStream();
        await writer.WriteAsync(run, stream);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }
}
