using System.Globalization;
using System.Text.Json;

namespace NewsPerspectives;

/// <summary>
/// Reads a JSON Feed (1.0 or 1.1) with System.Text.Json: malformed JSON is a <see cref="FeedErrorKind.Parse"/> error
/// naming the line and byte; an item that is not an object, or whose fields have the wrong JSON type, is kept with a
/// <see cref="FeedItem.Problem"/> so the run reports it instead of losing it. An <c>id</c> given as a number is
/// coerced to a string, as the specification asks.
/// </summary>
internal static class JsonFeedDocument
{
    private const string VersionPrefix = "https://jsonfeed.org/version/";

    public static FeedReadResult Parse(string text, string location, FeedParserOptions options)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = options.MaxDepth });
        }
        catch (JsonException ex)
        {
            return Fail(location, string.Create(CultureInfo.InvariantCulture,
                $"malformed JSON at line {(ex.LineNumber ?? 0) + 1}, byte {(ex.BytePositionInLine ?? 0) + 1}: {FirstSentence(ex.Message)}"));
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("version", out var version) || version.ValueKind != JsonValueKind.String
                || !(version.GetString() ?? "").StartsWith(VersionPrefix, StringComparison.OrdinalIgnoreCase))
            {
                return Fail(location, "JSON that is not a JSON Feed (missing or unknown \"version\")");
            }

            var items = new List<FeedItem>();
            if (root.TryGetProperty("items", out var list) && list.ValueKind != JsonValueKind.Null)
            {
                if (list.ValueKind != JsonValueKind.Array)
                {
                    return Fail(location, $"malformed JSON Feed: \"items\" is {Describe(list.ValueKind)}, not an array");
                }

                int number = 0;
                foreach (var element in list.EnumerateArray())
                {
                    items.Add(ReadItem(element, ++number));
                }
            }

            var title = String(root, "title");
            var home = String(root, "home_page_url");
            var language = String(root, "language");
            return new FeedReadResult
            {
                Status = FeedStatus.Ok,
                Items = items,
                Title = string.IsNullOrWhiteSpace(title) ? null : HtmlText.ToPlainText(title),
                BaseAddress = string.IsNullOrWhiteSpace(home) ? null : home.Trim(),
                Language = string.IsNullOrWhiteSpace(language) ? null : language.Trim(),
            };
        }
    }

    private static FeedItem ReadItem(JsonElement element, int number)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return new FeedItem { Problem = $"item {number} is {Describe(element.ValueKind)}, not an object" };
        }

        var problems = new List<string>();
        string? Field(string name)
        {
            if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                return null;
            }

            if (value.ValueKind == JsonValueKind.String)
            {
                return value.GetString();
            }

            problems.Add($"\"{name}\" is {Describe(value.ValueKind)}, not a string");
            return null;
        }

        string? id = element.TryGetProperty("id", out var idValue) && idValue.ValueKind == JsonValueKind.Number ? idValue.GetRawText() : Field("id");
        var url = Field("url");
        var externalUrl = Field("external_url");
        var title = Field("title");
        var summary = Field("summary");
        var html = Field("content_html");
        var plain = Field("content_text");
        var published = Field("date_published");
        var modified = Field("date_modified");
        return new FeedItem
        {
            Id = id,
            Link = url ?? externalUrl,
            Title = title,
            Description = FirstNonBlank(summary, html, plain),
            PublishedText = published ?? modified,
            Problem = problems.Count == 0 ? null : $"item {number}: {string.Join("; ", problems)}",
        };
    }

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string? FirstNonBlank(params string?[] values) => values.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };

    /// <summary>System.Text.Json appends "Path: … | LineNumber: … | BytePositionInLine: …"; the position is reported separately.</summary>
    private static string FirstSentence(string message)
    {
        int at = message.IndexOf(" Path:", StringComparison.Ordinal);
        if (at < 0)
        {
            at = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        }

        return at < 0 ? message : message[..at].TrimEnd();
    }

    private static FeedReadResult Fail(string location, string reason) =>
        FeedReadResult.Failed(new FeedError { Kind = FeedErrorKind.Parse, Location = location, Reason = reason });
}
