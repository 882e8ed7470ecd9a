using System.ClientModel;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using NewsPerspectives;
using OpenAI;

// LlmSummaries [--settings llm.json] [--topic ID] [--out DIR]
// Summarizes the bundled offline snapshot (the seed's five topics) with an LLM behind any OpenAI-compatible
// endpoint (OpenAI, Azure OpenAI, Ollama, ...), configured in llm.json or environment variables. With no endpoint
// configured it runs offline with the extractive summarizer. Every bullet cites its numbered sources.
string Option(string name, string fallback)
{
    int at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length ? args[at + 1] : fallback;
}

var settings = LlmSummaries.LlmSettings.Load(Option("--settings", Path.Combine(AppContext.BaseDirectory, "llm.json")));
var configuration = TopicConfigurationLoader.LoadFile(Path.Combine(AppContext.BaseDirectory, "snapshot", "topics.yaml"));
var onlyTopic = Option("--topic", "");
var outputRoot = Option("--out", "");

var services = new ServiceCollection();
var builder = services.AddNewsPerspectives(configuration);
if (settings.HasEndpoint)
{
    // One client type for all three: OpenAI (https://api.openai.com/v1), Azure OpenAI's v1 API
    // (https://RESOURCE.openai.azure.com/openai/v1/, model = deployment name) and Ollama (http://localhost:11434/v1).
    IChatClient chatClient = new OpenAI.Chat.ChatClient(
        settings.Model,
        new ApiKeyCredential(settings.ApiKey),
        new OpenAIClientOptions { Endpoint = new Uri(settings.Endpoint) }).AsIChatClient();
    services.AddSingleton(chatClient);
    builder.UseChatClientSummarizer(o =>
    {
        o.ModelId = settings.Model;
        o.Timeout = TimeSpan.FromSeconds(settings.TimeoutSeconds);
    });
    Console.WriteLine($"Summarizing with model '{settings.Model}' at {settings.Endpoint} (falls back to the extractive summarizer on failure).");
}
else
{
    Console.WriteLine("No LLM endpoint configured (set \"endpoint\" in llm.json or NEWSPERSPECTIVES_LLM_ENDPOINT): running offline with the extractive summarizer.");
}

await using var provider = services.BuildServiceProvider();
var pipeline = provider.GetRequiredService<DigestPipeline>();
var hugo = provider.GetServices<IDigestWriter>().OfType<HugoMarkdownWriter>().Single();
foreach (var topic in configuration.Topics.Where(t => onlyTopic.Length == 0 || t.Id == onlyTopic))
{
    var run = await pipeline.RunAsync(topic, configuration.AsOf);
    var digest = run.Digest;
    Console.WriteLine();
    Console.WriteLine($"# {topic.Name} ({digest.Date:yyyy-MM-dd}, {digest.Sources.Count} sources)");
    Print("Highlights", digest.Highlights);
    foreach (var side in digest.Sides)
    {
        Print($"{side.Side.Name} perspective", side.Bullets);
    }

    foreach (var note in run.Diagnostics.Notes)
    {
        Console.WriteLine($"  note: {note}");
    }

    if (run.Status == DigestRunStatus.Failed)
    {
        Console.WriteLine($"  not written: {run.StatusReason}");
    }
    else if (outputRoot.Length > 0)
    {
        var path = await DigestFileStore.WriteAsync(run, hugo, Path.GetFullPath(outputRoot));
        Console.WriteLine($"  wrote {path}");
    }
}

return 0;

static void Print(string heading, IReadOnlyList<SummaryBullet> bullets)
{
    Console.WriteLine($"## {heading}");
    foreach (var bullet in bullets)
    {
        Console.WriteLine($"- {bullet.Text} [{string.Join(", ", bullet.Citations)}]");
    }
}
