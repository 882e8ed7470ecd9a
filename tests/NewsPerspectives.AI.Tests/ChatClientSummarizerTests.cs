using System.Text.Json;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static NewsPerspectives.Tests.Summarization.SummaryTestData;

namespace NewsPerspectives.AI.Tests;

public sealed class ChatClientSummarizerTests
{
    private const string GoodAnswer = """
        {
          "highlights": [
            {"text": "Japan starts a deep-sea rare earth mining test that China calls a threat.", "citations": [1, 5, 2]},
            {"text": "Beijing presses Tokyo over Taiwan remarks.", "citations": [3]}
          ],
          "perspectives": {
            "china": [{"text": "Chinese outlets frame the mining test as a supply threat.", "citations": [1, 2]}],
            "japan": [{"text": "Japanese outlets stress lower reliance on China.", "citations": [5, 6]}]
          }
        }
        """;

    [Fact]
    public async Task Prompt_ListsEverySourceNumbered_WithSideOutletDateAndHeadline()
    {
        var (topic, sources, stories) = ChinaJapan();
        var client = FakeChatClient.Answering(GoodAnswer);

        await new ChatClientSummarizer(client).SummarizeAsync(Request(topic, sources, stories));

        var (messages, _) = Assert.Single(client.Calls);
        Assert.Equal([ChatRole.System, ChatRole.User], messages.Select(m => m.Role));
        var user = messages[1].Text;
        var numbered = user.Split('\n').Where(l => l.StartsWith('[')).ToArray();
        Assert.Equal(sources.Length, numbered.Length);
        foreach (var source in sources)
        {
            var side = topic.FindSide(source.SideId)!.Name;
            Assert.Contains($"[{source.Number}] ({side}; {source.Article.Outlet}; {source.Article.Published:yyyy-MM-dd}) {source.Article.Title}", numbered);
        }

        Assert.Contains("- china: China", user, StringComparison.Ordinal);
        Assert.Contains("Topic: Test Topic", user, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Prompt_IncludesDescriptionsCutAtTheConfiguredLength()
    {
        var topic = Topic("china", "japan");
        var sources = Sources(topic, new Spec("china", "Xinhua", "Headline", string.Join(' ', Enumerable.Repeat("word", 200))));
        var client = FakeChatClient.Answering(GoodAnswer);

        await new ChatClientSummarizer(client, new ChatClientSummarizerOptions { MaxDescriptionLength = 50 }).SummarizeAsync(Request(topic, sources));

        var line = client.Calls[0].Messages[1].Text.Split('\n').Single(l => l.StartsWith("[1]", StringComparison.Ordinal));
        var description = line[(line.IndexOf(" — ", StringComparison.Ordinal) + 3)..];
        Assert.EndsWith("…", description, StringComparison.Ordinal);
        Assert.InRange(description.Length, 30, 51);
    }

    [Fact]
    public async Task ChatOptions_AskForTheJsonSchemaOfTheTopicsSides_ByDefault_AndPlainJsonWhenSwitchedOff()
    {
        var (topic, sources, _) = ChinaJapan();
        var schemaClient = FakeChatClient.Answering(GoodAnswer);
        var jsonClient = FakeChatClient.Answering(GoodAnswer);

        await new ChatClientSummarizer(schemaClient, new ChatClientSummarizerOptions { ModelId = "gpt-4o-mini" }).SummarizeAsync(Request(topic, sources));
        await new ChatClientSummarizer(jsonClient, new ChatClientSummarizerOptions { UseJsonSchema = false }).SummarizeAsync(Request(topic, sources));

        var options = schemaClient.Calls[0].Options!;
        Assert.Equal("gpt-4o-mini", options.ModelId);
        var format = Assert.IsType<ChatResponseFormatJson>(options.ResponseFormat);
        Assert.Equal("digest_summary", format.SchemaName);
        var schema = format.Schema!.Value;
        Assert.Equal(["highlights", "perspectives"], schema.GetProperty("required").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["china", "japan"], schema.GetProperty("properties").GetProperty("perspectives").GetProperty("required").EnumerateArray().Select(e => e.GetString()));
        var jsonFormat = Assert.IsType<ChatResponseFormatJson>(jsonClient.Calls[0].Options!.ResponseFormat);
        Assert.Null(jsonFormat.Schema);
    }

    [Fact]
    public async Task StructuredAnswer_BecomesTheSummary_WithSortedCitations_AndTokenUsageNoted()
    {
        var (topic, sources, _) = ChinaJapan();
        var client = FakeChatClient.Answering(GoodAnswer, new UsageDetails { InputTokenCount = 812, OutputTokenCount = 95, TotalTokenCount = 907 });

        var summary = await new ChatClientSummarizer(client).SummarizeAsync(Request(topic, sources));

        Assert.Equal(["Japan starts a deep-sea rare earth mining test that China calls a threat.", "Beijing presses Tokyo over Taiwan remarks."], summary.Highlights.Select(h => h.Text));
        Assert.Equal([1, 2, 5], summary.Highlights[0].Citations);
        Assert.Equal([1, 2], Assert.Single(summary.SideBullets["china"]).Citations);
        Assert.Equal([5, 6], Assert.Single(summary.SideBullets["japan"]).Citations);
        Assert.Equal("chat summarizer: model fake-model, tokens: 812 input, 95 output, 907 total", Assert.Single(summary.Notes));
    }

    [Fact]
    public async Task CitationsThatPointNowhere_AreRemoved_AndABulletLeftWithoutAny_IsDroppedAndReported()
    {
        var (topic, sources, _) = ChinaJapan();
        var client = FakeChatClient.Answering("""
            {"highlights": [
               {"text": "Partly sourced.", "citations": [2, 42, 0, -1]},
               {"text": "Invented.", "citations": [99]},
               {"text": "Unsourced.", "citations": []}
             ],
             "perspectives": {"china": [{"text": "Bad number.", "citations": ["x"]}], "japan": [{"text": "Fine.", "citations": [8]}]}}
            """);

        var summary = await new ChatClientSummarizer(client).SummarizeAsync(Request(topic, sources));

        var kept = Assert.Single(summary.Highlights);
        Assert.Equal("Partly sourced.", kept.Text);
        Assert.Equal([2], kept.Citations);
        Assert.Empty(summary.SideBullets["china"]);
        Assert.Equal([8], Assert.Single(summary.SideBullets["japan"]).Citations);
        Assert.Contains(summary.Notes, n => n.Contains("removed citation(s) -1, 0, 42 that point at no source from \"Partly sourced.\"", StringComparison.Ordinal));
        Assert.Contains(summary.Notes, n => n.Contains("dropped \"Invented.\": no citation points at a listed source", StringComparison.Ordinal));
        Assert.Contains(summary.Notes, n => n.Contains("dropped \"Unsourced.\"", StringComparison.Ordinal));
        Assert.Contains(summary.Notes, n => n.Contains("china: dropped \"Bad number.\"", StringComparison.Ordinal));
        Assert.All(AllBullets(summary), b => Assert.All(b.Citations, n => Assert.InRange(n, 1, sources.Length)));
    }

    [Fact]
    public async Task ThrowingClient_FallsBackToTheExtractiveSummary_WithTheReasonNoted()
    {
        var (topic, sources, stories) = ChinaJapan();
        var client = new FakeChatClient((_, _, _) => throw new HttpRequestException("connection refused (127.0.0.1:1)"));
        var request = Request(topic, sources, stories);

        var summary = await new ChatClientSummarizer(client).SummarizeAsync(request);

        var extractive = await new ExtractiveSummarizer().SummarizeAsync(request);
        Assert.Equal(Render(extractive), Render(summary));
        Assert.Contains("chat summarizer: the chat client failed (HttpRequestException: connection refused (127.0.0.1:1)); used the ExtractiveSummarizer instead", summary.Notes);
    }

    [Fact]
    public async Task SlowClient_TimesOut_AndFallsBack_WithTheTimeoutNoted()
    {
        var (topic, sources, stories) = ChinaJapan();
        var time = new FakeTimeProvider();
        bool cancelled = false;
        var client = new FakeChatClient(async (_, _, ct) =>
        {
            try
            {
                await Task.Delay(Timeout.Infinite, ct);
            }
            catch (OperationCanceledException)
            {
                cancelled = true;
                throw;
            }

            return new ChatResponse();
        });
        var summarizer = new ChatClientSummarizer(client, new ChatClientSummarizerOptions { Timeout = TimeSpan.FromSeconds(30) }, timeProvider: time);

        var pending = summarizer.SummarizeAsync(Request(topic, sources, stories));
        time.Advance(TimeSpan.FromSeconds(29));
        Assert.False(pending.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(2));
        var summary = await pending.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.True(cancelled);
        Assert.Contains("chat summarizer: no answer within 30 s; used the ExtractiveSummarizer instead", summary.Notes);
        Assert.NotEmpty(summary.Highlights);
        Assert.All(AllBullets(summary), b => Assert.All(b.Citations, n => Assert.InRange(n, 1, sources.Length)));
    }

    [Fact]
    public async Task SlowClientThatIgnoresCancellation_StillTimesOut()
    {
        var (topic, sources, stories) = ChinaJapan();
        var time = new FakeTimeProvider();
        var never = new TaskCompletionSource<ChatResponse>();
        var client = new FakeChatClient((_, _, _) => never.Task);
        var summarizer = new ChatClientSummarizer(client, new ChatClientSummarizerOptions { Timeout = TimeSpan.FromSeconds(5) }, timeProvider: time);

        var pending = summarizer.SummarizeAsync(Request(topic, sources, stories));
        time.Advance(TimeSpan.FromSeconds(6));
        var summary = await pending.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Contains("chat summarizer: no answer within 5 s; used the ExtractiveSummarizer instead", summary.Notes);
    }

    [Theory]
    [InlineData("I'm sorry, I can't help with that.", "the answer held no JSON object")]
    [InlineData("{\"highlights\": [{\"text\": \"unterminated", "the answer held no JSON object")]
    [InlineData("{\"highlights\": [ {\"text\": } ]}", "the answer was not valid JSON")]
    [InlineData("{\"weather\": \"sunny\"}", "the answer had neither highlights nor a list for any side")]
    [InlineData("{\"highlights\": [{\"text\": \"Made up.\", \"citations\": [77]}], \"perspectives\": {}}", "the answer had no bullet with a valid citation")]
    [InlineData("", "the answer was empty")]
    public async Task NonsenseAnswer_FallsBack_WithTheReasonNoted(string answer, string reason)
    {
        var (topic, sources, stories) = ChinaJapan();
        var request = Request(topic, sources, stories);

        var summary = await new ChatClientSummarizer(FakeChatClient.Answering(answer)).SummarizeAsync(request);

        Assert.Contains(summary.Notes, n => n.StartsWith($"chat summarizer: {reason}", StringComparison.Ordinal) && n.EndsWith("used the ExtractiveSummarizer instead", StringComparison.Ordinal));
        Assert.Equal(Render(await new ExtractiveSummarizer().SummarizeAsync(request)), Render(summary));
    }

    [Fact]
    public async Task LenientParsing_AcceptsFencesStringBulletsSideNamesAndNumericStrings()
    {
        var (topic, sources, _) = ChinaJapan();
        var client = FakeChatClient.Answering("""
            Here is the digest:
            ```json
            {"overall": ["Rare earth mining test draws protest [1, 5]"],
             "China": [{"text": "Supply threat.", "citations": ["2", "[1]"]}],
             "sides": null,
             "JAPAN": ["Reliance on China falls. [6]",],}
            ```
            """);

        var summary = await new ChatClientSummarizer(client).SummarizeAsync(Request(topic, sources));

        var highlight = Assert.Single(summary.Highlights);
        Assert.Equal("Rare earth mining test draws protest", highlight.Text);
        Assert.Equal([1, 5], highlight.Citations);
        Assert.Equal([1, 2], Assert.Single(summary.SideBullets["china"]).Citations);
        var japan = Assert.Single(summary.SideBullets["japan"]);
        Assert.Equal("Reliance on China falls.", japan.Text);
        Assert.Equal([6], japan.Citations);
    }

    [Fact]
    public async Task MoreBulletsThanAllowed_AreCutAndNoted()
    {
        var (topic, sources, _) = ChinaJapan();
        var bullets = string.Join(",", Enumerable.Range(1, 7).Select(i => $"{{\"text\": \"H{i}\", \"citations\": [{i}]}}"));
        var client = FakeChatClient.Answering($"{{\"highlights\": [{bullets}], \"perspectives\": {{}}}}");

        var summary = await new ChatClientSummarizer(client, new ChatClientSummarizerOptions { MaxHighlights = 3 }).SummarizeAsync(Request(topic, sources));

        Assert.Equal(["H1", "H2", "H3"], summary.Highlights.Select(h => h.Text));
        Assert.Equal(4, summary.Notes.Count(n => n.Contains("more than 3 bullets", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task CallerCancellation_IsNotSwallowedByTheFallback()
    {
        var (topic, sources, _) = ChinaJapan();
        using var cts = new CancellationTokenSource();
        var client = new FakeChatClient(async (_, _, ct) =>
        {
            await cts.CancelAsync();
            ct.ThrowIfCancellationRequested();
            return new ChatResponse();
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new ChatClientSummarizer(client).SummarizeAsync(Request(topic, sources), cts.Token));
    }

    [Fact]
    public async Task PromptTemplates_CanBeOverridden()
    {
        var (topic, sources, _) = ChinaJapan();
        var client = FakeChatClient.Answering(GoodAnswer);
        var options = new ChatClientSummarizerOptions
        {
            SystemPrompt = "Be terse.",
            UserPromptTemplate = "Résumé pour {topic} au {date} ({maxHighlights}/{bulletsPerSide}):\n{sources}\nFormat: {format}",
        };

        await new ChatClientSummarizer(client, options).SummarizeAsync(Request(topic, sources));

        var messages = client.Calls[0].Messages;
        Assert.Equal("Be terse.", messages[0].Text);
        Assert.StartsWith("Résumé pour Test Topic au 2026-01-12 (5/4):\n[1] (China; Global Times; 2026-01-12)", messages[1].Text, StringComparison.Ordinal);
        Assert.Contains("\"perspectives\": {\"china\": [", messages[1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Prompt_PlaceholdersInsideTheTopicNameOrHeadlines_AreLeftAsTheyAre()
    {
        var plain = Topic("china", "japan");
        var topic = new TopicDefinition { Id = plain.Id, Name = "Weird {sources} topic", Sides = plain.Sides, Feeds = plain.Feeds };
        var sources = Sources(topic, new Spec("china", "Xinhua", "Template {topic} and {sources} in a headline"));
        var client = FakeChatClient.Answering(GoodAnswer);

        await new ChatClientSummarizer(client).SummarizeAsync(Request(topic, sources));

        var user = client.Calls[0].Messages[1].Text;
        Assert.StartsWith("Topic: Weird {sources} topic\n", user, StringComparison.Ordinal);
        Assert.Contains("[1] (China; Xinhua; 2026-01-12) Template {topic} and {sources} in a headline", user, StringComparison.Ordinal);
        Assert.Single(user.Split('\n'), l => l.StartsWith("[1]", StringComparison.Ordinal));
    }

    [Fact]
    public void Options_ATemplateWithoutSourcesOrANonPositiveTimeout_AreRejected()
    {
        var client = FakeChatClient.Answering(GoodAnswer);

        var template = Assert.Throws<ArgumentException>(() => new ChatClientSummarizer(client, new ChatClientSummarizerOptions { UserPromptTemplate = "Summarize {topic}." }));
        Assert.Contains("ChatClientSummarizerOptions.UserPromptTemplate", template.Message, StringComparison.Ordinal);
        var timeout = Assert.Throws<ArgumentException>(() => new ChatClientSummarizer(client, new ChatClientSummarizerOptions { Timeout = TimeSpan.Zero }));
        Assert.Equal(nameof(ChatClientSummarizerOptions.Timeout), timeout.ParamName);
    }

    [Fact]
    public async Task UseChatClientSummarizer_PicksTheChatClientFromDI_AndFallsBackWithTheConfiguredExtractiveOptions()
    {
        var (topic, sources, stories) = ChinaJapan();
        var client = new FakeChatClient((_, _, _) => throw new InvalidOperationException("no model loaded"));
        var services = new ServiceCollection();
        services.AddSingleton<IChatClient>(client);
        services.AddNewsPerspectives(o => o.Summarizer.MaxHighlights = 3)
                .UseChatClientSummarizer(o => o.ModelId = "llama3.2");
        await using var provider = services.BuildServiceProvider();

        var summarizer = provider.GetRequiredService<ISummarizer>();
        var summary = await summarizer.SummarizeAsync(Request(topic, sources, stories));

        Assert.IsType<ChatClientSummarizer>(summarizer);
        Assert.Equal("llama3.2", Assert.Single(client.Calls).Options!.ModelId);
        Assert.Equal(3, summary.Highlights.Count);
        Assert.Contains(summary.Notes, n => n.Contains("InvalidOperationException: no model loaded", StringComparison.Ordinal));
    }

    [Fact]
    public async Task UseChatClientSummarizer_CanUseAKeyedChatClient()
    {
        var (topic, sources, _) = ChinaJapan();
        var keyed = FakeChatClient.Answering(GoodAnswer);
        var services = new ServiceCollection();
        services.AddKeyedSingleton<IChatClient>("digest", keyed);
        services.AddNewsPerspectives().UseChatClientSummarizer(chatClientKey: "digest");
        await using var provider = services.BuildServiceProvider();

        var summary = await provider.GetRequiredService<ISummarizer>().SummarizeAsync(Request(topic, sources));

        Assert.Single(keyed.Calls);
        Assert.Equal(2, summary.Highlights.Count);
    }

    private static string Render(DigestSummary summary) =>
        JsonSerializer.Serialize(new
        {
            highlights = summary.Highlights.Select(b => new { b.Text, b.Citations }),
            sides = summary.SideBullets.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => new { kv.Key, bullets = kv.Value.Select(b => new { b.Text, b.Citations }) }),
        });
}
