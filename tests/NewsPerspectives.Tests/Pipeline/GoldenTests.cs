namespace NewsPerspectives.Tests.Pipeline;

/// <summary>
/// Pins one Hugo post (seed layout, and with every extra section on), one JSON digest and one HTML page produced from a
/// fixed input (TestData/golden).
/// Set UPDATE_GOLDEN=1 to rewrite the expected files after an intended change, then review the diff.
/// </summary>
public class GoldenTests
{
    private static string Folder => Path.Combine(TestPaths.TestData, "golden");

    [Fact]
    public async Task FixedInput_ProducesThePinnedPostJsonAndHtml()
    {
        var config = TopicConfigurationLoader.LoadFile(Path.Combine(Folder, "topics.yaml"));
        var run = await TestPipeline.RunAsync(config.Topics.Single(), config.AsOf!.Value);

        await AssertGolden("alpha-beta.md", await TestPipeline.RenderAsync(new HugoMarkdownFormatter(), run));
        var extras = new HugoMarkdownFormatterOptions { IncludeStories = true, IncludeFraming = true, IncludeFoundCounts = true, IncludeAlsoPublishedBy = true };
        await AssertGolden("alpha-beta.extras.md", await TestPipeline.RenderAsync(new HugoMarkdownFormatter(extras), run));
        await AssertGolden("alpha-beta.json", await TestPipeline.RenderAsync(new JsonDigestFormatter(), run));
        await AssertGolden("alpha-beta.html", await TestPipeline.RenderAsync(new HtmlDigestFormatter(), run));
    }

    [Fact]
    public async Task FixedInput_RunTwice_GivesIdenticalBytes()
    {
        var config = TopicConfigurationLoader.LoadFile(Path.Combine(Folder, "topics.yaml"));
        var first = await TestPipeline.RunAsync(config.Topics.Single(), config.AsOf!.Value);
        var second = await TestPipeline.RunAsync(config.Topics.Single(), config.AsOf!.Value);
        Assert.Equal(await TestPipeline.RenderAsync(new HugoMarkdownFormatter(), first), await TestPipeline.RenderAsync(new HugoMarkdownFormatter(), second));
        Assert.Equal(await TestPipeline.RenderAsync(new JsonDigestFormatter(), first), await TestPipeline.RenderAsync(new JsonDigestFormatter(), second));
        Assert.Equal(await TestPipeline.RenderAsync(new HtmlDigestFormatter(), first), await TestPipeline.RenderAsync(new HtmlDigestFormatter(), second));
    }

    private static async Task AssertGolden(string name, string actual)
    {
        var path = Path.Combine(Folder, "expected", name);
        if (TestPaths.UpdateGolden)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllTextAsync(path, actual);
        }

        Assert.True(File.Exists(path), $"golden file {path} is missing; run with UPDATE_GOLDEN=1 to create it");
        Assert.Equal(await File.ReadAllTextAsync(path), actual);
    }
}
