using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace NewsPerspectives;

/// <summary>Builds the prompt (the stories with their numbered sources) and the JSON schema of the expected answer for a request.</summary>
internal static partial class SummaryPrompt
{
    /// <summary>The label of each story with a listed source in the prompt (<c>S1</c>, <c>S2</c>, … in the request's order) → its id.</summary>
    public static IReadOnlyDictionary<string, string> StoryLabels(SummaryRequest request) =>
        PromptStories(request).Select((s, i) => (Label: Label(i), s.Id)).ToDictionary(x => x.Label, x => x.Id, StringComparer.OrdinalIgnoreCase);

    /// <summary>The user prompt: the template with its placeholders filled in.</summary>
    public static string User(SummaryRequest request, ChatClientSummarizerOptions options)
    {
        var sides = string.Join("\n", request.Topic.Sides.Select(s => $"- {s.Id}: {s.Name}"));
        var sources = new StringBuilder();
        var stories = PromptStories(request);
        for (int i = 0; i < stories.Count; i++)
        {
            var story = stories[i];
            var coverage = string.Join(", ", story.Sides.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Side.Name} {s.ArticleCount}")));
            sources.Append(CultureInfo.InvariantCulture, $"Story {Label(i)} (covered by {coverage}{(story.IsBlindspot ? $"; only {story.BlindspotSide!.Name} covered it" : "")}):\n");
            foreach (var number in story.SourceNumbers)
            {
                var source = request.Digest.FindSource(number)!;
                var article = source.Article;
                var side = request.Topic.FindSide(source.SideId)?.Name ?? source.SideId;
                sources.Append(CultureInfo.InvariantCulture, $"[{source.Number}] ({side}; {OneLine(article.Outlet)}; {article.Published.UtcDateTime:yyyy-MM-dd}) {OneLine(article.Title)}");
                var description = Cut(OneLine(article.Description), options.MaxDescriptionLength);
                if (description.Length > 0)
                {
                    sources.Append(" — ").Append(description);
                }

                sources.Append('\n');
            }
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["topic"] = request.Topic.Name,
            ["date"] = request.AsOf.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["sides"] = sides,
            ["sources"] = sources.ToString().TrimEnd('\n'),
            ["maxHighlights"] = options.MaxHighlights.ToString(CultureInfo.InvariantCulture),
            ["bulletsPerSide"] = options.BulletsPerSide.ToString(CultureInfo.InvariantCulture),
            ["format"] = Format(request.Topic),
        };

        // One pass: text put in (headlines, names) is never scanned for placeholders again.
        return Placeholder().Replace(options.UserPromptTemplate, m => values[m.Groups["name"].Value]);
    }

    /// <summary>An example of the expected answer, with the topic's side ids.</summary>
    public static string Format(TopicDefinition topic)
    {
        var sides = string.Join(", ", topic.Sides.Select(s => $"\"{JsonEncodedText.Encode(s.Id)}\": [{{\"story\": \"S2\", \"text\": \"...\", \"citations\": [2]}}]"));
        return $"{{\"highlights\": [{{\"story\": \"S1\", \"text\": \"...\", \"citations\": [1, 3]}}], \"perspectives\": {{{sides}}}}}";
    }

    /// <summary>The stories shown in the prompt: those with a listed source, plus a story of its own for any listed source in none.</summary>
    private static List<DigestStory> PromptStories(SummaryRequest request)
    {
        var stories = request.Stories.Where(s => s.SourceNumbers.Count > 0).ToList();
        var covered = stories.SelectMany(s => s.SourceNumbers).ToHashSet();
        foreach (var source in request.Sources.Where(s => !covered.Contains(s.Number)))
        {
            var side = request.Topic.FindSide(source.SideId) ?? new SideDefinition { Id = source.SideId, Name = source.SideId };
            stories.Add(new DigestStory
            {
                Story = new Story
                {
                    Id = source.StoryId ?? "source-" + source.Number.ToString(CultureInfo.InvariantCulture),
                    Headline = source.Article.Title,
                    Articles = [source.Item],
                    CoverageBySide = new Dictionary<string, int>(StringComparer.Ordinal) { [source.SideId] = 1 },
                },
                Headline = source.Article.Title,
                SourceNumbers = [source.Number],
                Sides = [new StorySide { Side = side, ArticleCount = 1, Headline = source.Article.Title, HeadlineSource = source.Number, SourceNumbers = [source.Number] }],
            });
        }

        return stories;
    }

    private static string Label(int index) => "S" + (index + 1).ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// The JSON schema of the answer: <c>highlights</c> and <c>perspectives.&lt;side id&gt;</c>, each a list of
    /// <c>{story, text, citations[]}</c>; strict-mode compatible (every property required, no additional properties).
    /// </summary>
    public static JsonElement Schema(TopicDefinition topic)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartObject();
            json.WriteString("type", "object");
            json.WriteStartObject("properties");
            json.WritePropertyName("highlights");
            BulletList(json);
            json.WriteStartObject("perspectives");
            json.WriteString("type", "object");
            json.WriteStartObject("properties");
            foreach (var side in topic.Sides)
            {
                json.WritePropertyName(side.Id);
                BulletList(json);
            }

            json.WriteEndObject();
            Required(json, topic.Sides.Select(s => s.Id));
            json.WriteBoolean("additionalProperties", false);
            json.WriteEndObject();
            json.WriteEndObject();
            Required(json, ["highlights", "perspectives"]);
            json.WriteBoolean("additionalProperties", false);
            json.WriteEndObject();
        }

        using var document = JsonDocument.Parse(stream.ToArray());
        return document.RootElement.Clone();
    }

    private static void BulletList(Utf8JsonWriter json)
    {
        json.WriteStartObject();
        json.WriteString("type", "array");
        json.WriteStartObject("items");
        json.WriteString("type", "object");
        json.WriteStartObject("properties");
        json.WriteStartObject("story");
        json.WriteString("type", "string");
        json.WriteEndObject();
        json.WriteStartObject("text");
        json.WriteString("type", "string");
        json.WriteEndObject();
        json.WriteStartObject("citations");
        json.WriteString("type", "array");
        json.WriteStartObject("items");
        json.WriteString("type", "integer");
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndObject();
        Required(json, ["story", "text", "citations"]);
        json.WriteBoolean("additionalProperties", false);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void Required(Utf8JsonWriter json, IEnumerable<string> names)
    {
        json.WriteStartArray("required");
        foreach (var name in names)
        {
            json.WriteStringValue(name);
        }

        json.WriteEndArray();
    }

    private static string OneLine(string text) =>
        string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static string Cut(string text, int max)
    {
        if (max == 0)
        {
            return "";
        }

        if (text.Length <= max)
        {
            return text;
        }

        int space = text.LastIndexOf(' ', max);
        return string.Concat(text.AsSpan(0, space > max / 2 ? space : max), "…");
    }

    [GeneratedRegex(@"\{(?<name>topic|date|sides|sources|maxHighlights|bulletsPerSide|format)\}", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();
}
