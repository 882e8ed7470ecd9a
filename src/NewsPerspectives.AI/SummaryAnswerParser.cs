using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace NewsPerspectives;

/// <summary>A bullet as the model wrote it, before its citations are checked; <see cref="Story"/> is the prompt's story label (<c>S1</c>), if given.</summary>
internal sealed record RawBullet(string Text, IReadOnlyList<int> Citations, int UnreadableCitations, string? Story = null);

/// <summary>The model's answer, parsed: highlights and bullets per side id.</summary>
internal sealed record ParsedAnswer(IReadOnlyList<RawBullet> Highlights, IReadOnlyDictionary<string, IReadOnlyList<RawBullet>> Sides);

/// <summary>
/// Reads the model's JSON answer leniently: code fences and prose around the object are ignored, trailing commas
/// and comments allowed; highlights under <c>highlights</c> (or <c>overall</c>, <c>overallHighlights</c>); side lists
/// under <c>perspectives</c> (or <c>sides</c>) or at the top level, keyed by side id or side name; a bullet is an
/// object with <c>text</c> and <c>citations</c> (numbers, numeric strings or "[3]") and optionally <c>story</c> (the prompt's story label), or a string ending in "[3, 11]".
/// </summary>
internal static partial class SummaryAnswerParser
{
    private static readonly JsonDocumentOptions Lenient = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 32 };
    private static readonly string[] HighlightKeys = ["highlights", "overall", "overallHighlights", "overall_highlights"];
    private static readonly string[] SideContainerKeys = ["perspectives", "sides"];
    private static readonly string[] TextKeys = ["text", "bullet", "summary"];
    private static readonly string[] CitationKeys = ["citations", "sources", "refs"];
    private static readonly string[] StoryKeys = ["story", "storyId", "story_id"];

    public static bool TryParse(string? answer, TopicDefinition topic, out ParsedAnswer parsed, out string error)
    {
        parsed = new ParsedAnswer([], new Dictionary<string, IReadOnlyList<RawBullet>>(StringComparer.Ordinal));
        if (string.IsNullOrWhiteSpace(answer))
        {
            error = "the answer was empty";
            return false;
        }

        int start = answer.IndexOf('{', StringComparison.Ordinal);
        int end = answer.LastIndexOf('}');
        if (start < 0 || end <= start)
        {
            error = $"the answer held no JSON object: \"{Excerpt(answer)}\"";
            return false;
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(answer.AsMemory(start, end - start + 1), Lenient);
        }
        catch (JsonException ex)
        {
            error = $"the answer was not valid JSON ({ex.Message}): \"{Excerpt(answer)}\"";
            return false;
        }

        using (document)
        {
            var root = document.RootElement;
            var highlights = Find(root, HighlightKeys) is { } h ? Bullets(h) : null;
            var sides = new Dictionary<string, IReadOnlyList<RawBullet>>(StringComparer.Ordinal);
            var container = Find(root, SideContainerKeys) is { ValueKind: JsonValueKind.Object } c ? c : root;
            foreach (var property in container.EnumerateObject())
            {
                var side = topic.Sides.FirstOrDefault(s =>
                    string.Equals(s.Id, property.Name, StringComparison.OrdinalIgnoreCase) ||
                    string.Equals(s.Name, property.Name, StringComparison.OrdinalIgnoreCase));
                if (side is not null && !sides.ContainsKey(side.Id) && Bullets(property.Value) is { } bullets)
                {
                    sides[side.Id] = bullets;
                }
            }

            if (highlights is null && sides.Count == 0)
            {
                error = $"the answer had neither highlights nor a list for any side: \"{Excerpt(answer)}\"";
                return false;
            }

            parsed = new ParsedAnswer(highlights ?? [], sides);
            error = "";
            return true;
        }
    }

    private static JsonElement? Find(JsonElement root, string[] keys)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        foreach (var property in root.EnumerateObject())
        {
            if (keys.Any(k => string.Equals(k, property.Name, StringComparison.OrdinalIgnoreCase)))
            {
                return property.Value;
            }
        }

        return null;
    }

    private static List<RawBullet>? Bullets(JsonElement list)
    {
        if (list.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        var bullets = new List<RawBullet>();
        foreach (var item in list.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.String)
            {
                bullets.Add(FromString(item.GetString()!));
            }
            else if (item.ValueKind == JsonValueKind.Object && Find(item, TextKeys) is { ValueKind: JsonValueKind.String } text)
            {
                var numbers = new List<int>();
                int unreadable = 0;
                if (Find(item, CitationKeys) is { } citations)
                {
                    ReadCitations(citations, numbers, ref unreadable);
                }

                var bullet = FromString(text.GetString()!);
                var story = Find(item, StoryKeys) is { ValueKind: JsonValueKind.String } s ? s.GetString() : null;
                bullets.Add(bullet with { Citations = numbers.Concat(bullet.Citations).ToArray(), UnreadableCitations = unreadable + bullet.UnreadableCitations, Story = story });
            }
        }

        return bullets;
    }

    private static void ReadCitations(JsonElement citations, List<int> numbers, ref int unreadable)
    {
        var items = citations.ValueKind == JsonValueKind.Array ? citations.EnumerateArray().ToArray() : [citations];
        foreach (var item in items)
        {
            if (item.ValueKind == JsonValueKind.Number && item.TryGetInt32(out var n))
            {
                numbers.Add(n);
            }
            else if (item.ValueKind == JsonValueKind.String && int.TryParse(item.GetString()!.Trim().Trim('[', ']', '#').Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var s))
            {
                numbers.Add(s);
            }
            else
            {
                unreadable++;
            }
        }
    }

    /// <summary>A bullet written as a string; a trailing "[3, 11]" is read as its citations and cut off.</summary>
    private static RawBullet FromString(string text)
    {
        var match = TrailingCitations().Match(text);
        if (!match.Success)
        {
            return new RawBullet(text.Trim(), [], 0);
        }

        var numbers = match.Groups["n"].Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(n => int.Parse(n, NumberStyles.Integer, CultureInfo.InvariantCulture))
            .ToArray();
        return new RawBullet(text[..match.Index].Trim(), numbers, 0);
    }

    private static string Excerpt(string answer)
    {
        var line = string.Join(' ', answer.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return line.Length <= 80 ? line : string.Concat(line.AsSpan(0, 80), "…");
    }

    [GeneratedRegex(@"\s*\[(?<n>\s*\d{1,6}(?:\s*,\s*\d{1,6})*\s*)\]\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex TrailingCitations();
}
