using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace NewsPerspectives.Tests.Formatting;

/// <summary>Every golden and snapshot JSON digest is valid against the JSON Schema the package ships (JsonSchema.Net, draft 2020-12).</summary>
public sealed class JsonSchemaTests
{
    private static readonly string SchemaPath = Path.Combine(TestPaths.RepositoryRoot, "src", "NewsPerspectives", "Formatting", "newsperspectives.digest-2.schema.json");

    private static readonly Lazy<JsonSchema> Schema = new(() => JsonSchema.FromText(File.ReadAllText(SchemaPath)));

    private static EvaluationResults Evaluate(string json)
    {
        using var document = JsonDocument.Parse(json);
        return Schema.Value.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
    }

    private static void AssertValid(string json, string what)
    {
        var result = Evaluate(json);
        var errors = (result.Details ?? []).Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key}: {e.Value}"));
        Assert.True(result.IsValid, $"{what} is not valid: {string.Join("\n", errors)}");
    }

    [Fact]
    public void TheShippedSchema_IsTheOneInTheSourceTree()
    {
        using var embedded = new StreamReader(JsonDigestFormatter.OpenSchema());
        Assert.Equal(File.ReadAllText(SchemaPath), embedded.ReadToEnd());
        using var schema = JsonDocument.Parse(File.ReadAllText(SchemaPath));
        Assert.Equal(JsonDigestFormatter.SchemaId, schema.RootElement.GetProperty("properties").GetProperty("schema").GetProperty("const").GetString());
    }

    [Fact]
    public void TheGoldenDigest_IsValid()
    {
        var golden = Path.Combine(TestPaths.TestData, "golden", "expected", "alpha-beta.json");
        AssertValid(File.ReadAllText(golden), golden);
    }

    [Fact]
    public async Task EverySnapshotDigest_IsValid()
    {
        var config = TopicConfigurationLoader.LoadFile(Path.Combine(TestPaths.Snapshot, "topics.yaml"));
        foreach (var topic in config.Topics)
        {
            var run = await TestPipeline.RunAsync(topic, config.AsOf!.Value);
            AssertValid(await TestPipeline.RenderAsync(new JsonDigestFormatter(), run), topic.Id);
            AssertValid(await TestPipeline.RenderAsync(new JsonDigestFormatter(new JsonDigestFormatterOptions { IncludeTimings = true, Indented = false }), run), topic.Id + " (timings, not indented)");
        }
    }

    [Fact]
    public void TheSchema_RejectsWhatVersion2DoesNotAllow()
    {
        var golden = JsonNode.Parse(File.ReadAllText(Path.Combine(TestPaths.TestData, "golden", "expected", "alpha-beta.json")))!;
        string With(Action<JsonNode> change)
        {
            var copy = golden.DeepClone();
            change(copy);
            return copy.ToJsonString();
        }

        Assert.False(Evaluate(With(d => d["schema"] = "newsperspectives.digest/1")).IsValid);
        Assert.False(Evaluate(With(d => d["highlights"]![0]!["citations"] = new JsonArray())).IsValid);
        Assert.False(Evaluate(With(d => d["highlights"]![0]!.AsObject().Remove("story"))).IsValid);
        Assert.False(Evaluate(With(d => d["stories"]![0]!.AsObject().Remove("headlines"))).IsValid);
        Assert.False(Evaluate(With(d => d["framing"] = new JsonObject())).IsValid);
        Assert.False(Evaluate(With(d => d["summary"]!["kind"] = "invented")).IsValid);
        Assert.False(Evaluate(With(d => d["sources"]![0]!["published"] = "12/01/2026")).IsValid);
        // Version 2 grows by additions: an unknown top-level or story field is allowed.
        Assert.True(Evaluate(With(d => d["stories"]![0]!["continuing"] = true)).IsValid);
    }
}
