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

    /// <summary>Publishes a run in one format under a root through the real <see cref="DigestPublisher"/>, and returns the file written.</summary>
    public static async Task<string> PublishAsync(IDigestFormatter formatter, DigestRun run, string root)
    {
        using var publication = new DigestPublisher([formatter]).Open(root);
        var file = Assert.Single(await publication.PublishAsync(run));
        Assert.True(file.Outcome == PublishOutcome.Written, file.Error);
        return file.FullPath!;
    }

    public static async Task<string> RenderAsync(IDigestFormatter writer, DigestRun run)
    {
        using var stream = new MemoryStream();
        await writer.FormatAsync(run, stream);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }
}
