using System.ClientModel;
using System.ClientModel.Primitives;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using NewsPerspectives.Tests;
using OpenAI;
using static NewsPerspectives.Tests.Summarization.SummaryTestData;

namespace NewsPerspectives.AI.Tests;

/// <summary>
/// The real Microsoft.Extensions.AI.OpenAI client (over the official OpenAI .NET library) against an
/// OpenAI-compatible chat-completions server on 127.0.0.1 that returns canned completions.
/// </summary>
public sealed class OpenAiClientIntegrationTests
{
    private static IChatClient OpenAiChatClient(OpenAiCompatibleServer server, string model) =>
        new OpenAI.Chat.ChatClient(model, new ApiKeyCredential("test-key"), new OpenAIClientOptions
        {
            Endpoint = server.BaseUri,
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
        }).AsIChatClient();

    [Fact]
    public async Task Request_HasTheExpectedShape_AndTheStructuredAnswerIsParsed()
    {
        await using var server = await OpenAiCompatibleServer.StartAsync();
        server.Content = """
            {"highlights": [{"text": "Japan begins a rare earth mining test that Beijing calls a threat.", "citations": [5, 1]}],
             "perspectives": {"china": [{"text": "Chinese outlets call the test a threat to supply.", "citations": [2]}],
                              "japan": [{"text": "Japanese outlets stress less reliance on China.", "citations": [6, 44]}]}}
            """;
        var (topic, sources, stories) = ChinaJapan();
        using var client = OpenAiChatClient(server, "gpt-4o-mini");

        var summary = await new ChatClientSummarizer(client).AsBuilder().UseFallbackAndChecks().Build().SummarizeAsync(Request(topic, sources, stories));

        var (path, authorization, body) = Assert.Single(server.Requests);
        Assert.Equal("/v1/chat/completions", path);
        Assert.Equal("Bearer test-key", authorization);
        Assert.Equal("gpt-4o-mini", body.GetProperty("model").GetString());
        var messages = body.GetProperty("messages").EnumerateArray().ToArray();
        Assert.Equal(["system", "user"], messages.Select(m => m.GetProperty("role").GetString()));
        var user = ContentText(messages[1]);
        foreach (var source in sources)
        {
            Assert.Contains($"\n[{source.Number}] (", user, StringComparison.Ordinal);
            Assert.Contains(source.Article.Title, user, StringComparison.Ordinal);
        }

        var format = body.GetProperty("response_format");
        Assert.Equal("json_schema", format.GetProperty("type").GetString());
        var schema = format.GetProperty("json_schema");
        Assert.Equal("digest_summary", schema.GetProperty("name").GetString());
        var sideLists = schema.GetProperty("schema").GetProperty("properties").GetProperty("perspectives").GetProperty("properties");
        Assert.Equal(["china", "japan"], sideLists.EnumerateObject().Select(p => p.Name));
        Assert.Equal(0.2, body.GetProperty("temperature").GetDouble(), 3);

        Assert.Equal("Japan begins a rare earth mining test that Beijing calls a threat.", Assert.Single(summary.Highlights).Text);
        Assert.Equal([1, 5], summary.Highlights[0].Citations);
        Assert.Equal([2], Assert.Single(summary.SideBullets["china"]).Citations);
        Assert.Equal([6], Assert.Single(summary.SideBullets["japan"]).Citations);
        Assert.Contains("chat summarizer: model gpt-4o-mini, tokens: 1234 input, 210 output, 1444 total", summary.Notes);
        Assert.Contains(summary.Notes, n => n.Contains("removed citation(s) 44", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ServerError_FallsBackToTheExtractiveSummary_WithTheStatusNoted()
    {
        await using var server = await OpenAiCompatibleServer.StartAsync();
        server.FailWith = HttpStatusCode.ServiceUnavailable;
        var (topic, sources, stories) = ChinaJapan();
        using var client = OpenAiChatClient(server, "gpt-4o-mini");

        var summary = await new ChatClientSummarizer(client).AsBuilder().UseFallbackAndChecks().Build().SummarizeAsync(Request(topic, sources, stories));

        Assert.Single(server.Requests);
        Assert.Contains(summary.Notes, n => n.StartsWith("chat summarizer: the chat client failed (ClientResultException:", StringComparison.Ordinal) && n.Contains("503", StringComparison.Ordinal));
        Assert.Equal([1, 2, 5, 6], summary.Highlights[0].Citations);
    }

    [Fact]
    public async Task WholePipeline_OverTheSnapshot_WritesTheModelsBulletsWithCitations()
    {
        await using var server = await OpenAiCompatibleServer.StartAsync();
        server.Content = """
            {"highlights": [{"text": "China curbs rare earth exports to Japan as Japan seeks support over China's rare earth grip.", "citations": [17, 14, 11]}],
             "perspectives": {"china": [{"text": "Chinese outlets defend China's curbs on dual-use goods exports.", "citations": [10]}],
                              "japan": [{"text": "Japan seeks support as fears rise over China's rare earth grip.", "citations": [14, 20]},
                                        {"text": "Japan's deep-sea project aims to cut reliance on China.", "citations": [11]}]}}
            """;
        var configuration = TopicConfigurationLoader.LoadFile(Path.Combine(TestPaths.Snapshot, "topics.yaml"));
        var topic = configuration.Topics.Single(t => t.Id == "china-japan");
        var services = new ServiceCollection();
        services.AddSingleton(OpenAiChatClient(server, "llama3.2"));
        services.AddNewsPerspectives().UseChatClientSummarizer();
        await using var provider = services.BuildServiceProvider();

        var run = await provider.GetRequiredService<DigestPipeline>().RunAsync(topic, configuration.AsOf);
        var post = new HugoMarkdownFormatter().Render(run.Digest);

        var request = Assert.Single(server.Requests).Body;
        Assert.Equal("llama3.2", request.GetProperty("model").GetString());
        var numbered = ContentText(request.GetProperty("messages")[1]).Split('\n').Count(l => l.StartsWith('['));
        Assert.Equal(run.Digest.Sources.Count, numbered);
        // Source 11 is about a Japan-South Korea summit: the support check removes it from the highlight and drops the bullet resting on it alone.
        Assert.Contains("- China curbs rare earth exports to Japan as Japan seeks support over China's rare earth grip. [14, 17]\n", post, StringComparison.Ordinal);
        Assert.Contains("- Chinese outlets defend China's curbs on dual-use goods exports. [10]\n", post, StringComparison.Ordinal);
        Assert.Contains("- Japan seeks support as fears rise over China's rare earth grip. [14", post, StringComparison.Ordinal);
        Assert.DoesNotContain("deep-sea project", post, StringComparison.Ordinal);
        Assert.Contains(run.Diagnostics.Notes, n => n.StartsWith("japan: dropped \"Japan's deep-sea project aims to cut reliance on China.\": its sources do not support it", StringComparison.Ordinal));
        Assert.Contains("highlights: removed citation(s) 11 that do not support \"China curbs rare earth exports to Japan as Japan seeks support over China's rare earth grip.\"", run.Diagnostics.Notes);
        Assert.Equal(SummaryKind.Generated, run.Digest.SummaryKind);
        Assert.Equal("llama3.2", run.Digest.SummaryModel);
        Assert.Contains(run.Diagnostics.Notes, n => n.Contains("tokens: 1234 input", StringComparison.Ordinal));
    }

    /// <summary>A message's content: a plain string, or the text parts of a content array.</summary>
    private static string ContentText(JsonElement message)
    {
        var content = message.GetProperty("content");
        return content.ValueKind == JsonValueKind.String
            ? content.GetString()!
            : string.Concat(content.EnumerateArray().Where(p => p.GetProperty("type").GetString() == "text").Select(p => p.GetProperty("text").GetString()));
    }
}
