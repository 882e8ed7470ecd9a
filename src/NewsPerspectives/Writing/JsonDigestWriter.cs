using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace NewsPerspectives;

/// <summary>Options of the JSON writer.</summary>
public sealed class JsonDigestWriterOptions
{
    /// <summary>Folder of the JSON files under the output root. Default <c>digests</c>.</summary>
    public string OutputPath { get; set; } = "digests";

    /// <summary>Include each feed's elapsed read time. Default <see langword="false"/>, so the same input gives the same bytes.</summary>
    public bool IncludeTimings { get; set; }

    /// <summary>Indent the output. Default <see langword="true"/>.</summary>
    public bool Indented { get; set; } = true;

    /// <summary>The rules: a folder to write to.</summary>
    internal void Check(OptionChecks check) => check.Folder(OutputPath);
}

/// <summary>Writes the whole digest as JSON: sources, summaries with citations, stories and the diagnostics (each feed's outcome, each dropped article and why).</summary>
public sealed class JsonDigestWriter : IDigestWriter
{
    private readonly JsonDigestWriterOptions _options;

    /// <summary>Creates the writer.</summary>
    /// <param name="options">Options; defaults when <see langword="null"/>.</param>
    /// <exception cref="ArgumentException"><see cref="JsonDigestWriterOptions.OutputPath"/> is empty.</exception>
    public JsonDigestWriter(JsonDigestWriterOptions? options = null)
    {
        _options = options ?? new JsonDigestWriterOptions();
        OptionChecks.Validate(nameof(JsonDigestWriterOptions), _options.Check);
    }

    /// <inheritdoc/>
    public string Format => "json";

    /// <inheritdoc/>
    public string GetRelativePath(Digest digest)
    {
        ArgumentNullException.ThrowIfNull(digest);
        return OutputPaths.ForDigest(_options.OutputPath, digest, "json");
    }

    /// <inheritdoc/>
    public async Task WriteAsync(DigestRun run, Stream destination, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(destination);
        var json = new Utf8JsonWriter(destination, new JsonWriterOptions
        {
            Indented = _options.Indented,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            NewLine = "\n",
        });
        await using (json.ConfigureAwait(false))
        {
            Write(json, run);
            await json.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private void Write(Utf8JsonWriter json, DigestRun run)
    {
        var digest = run.Digest;
        json.WriteStartObject();
        json.WriteString("schema", "newsperspectives.digest/1");
        json.WriteStartObject("topic");
        json.WriteString("id", digest.Topic.Id);
        json.WriteString("name", digest.Topic.Name);
        json.WriteEndObject();
        json.WriteString("date", digest.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        json.WriteString("generatedAt", Iso(digest.GeneratedAt));
        json.WriteNumber("articleCount", digest.Sources.Count);

        json.WriteStartArray("highlights");
        foreach (var bullet in digest.Highlights)
        {
            WriteBullet(json, bullet);
        }

        json.WriteEndArray();

        json.WriteStartArray("perspectives");
        foreach (var side in digest.Sides)
        {
            json.WriteStartObject();
            json.WriteString("id", side.Side.Id);
            json.WriteString("name", side.Side.Name);
            json.WriteNumber("count", side.Count);
            json.WriteNumber("found", side.Found);
            json.WriteStartArray("bullets");
            foreach (var bullet in side.Bullets)
            {
                WriteBullet(json, bullet);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();

        json.WriteStartArray("sources");
        foreach (var source in digest.Sources)
        {
            var a = source.Article;
            json.WriteStartObject();
            json.WriteNumber("number", source.Number);
            json.WriteString("side", source.SideId);
            json.WriteString("title", a.Title);
            json.WriteString("link", a.Link);
            json.WriteString("outlet", a.Outlet);
            if (a.OutletUrl is not null && SafeLinks.Parse(a.OutletUrl, allowMailto: false) is { } outletUrl)
            {
                json.WriteString("outletUrl", outletUrl.AbsoluteUri);
            }

            if (a.OutletAsPublished is not null)
            {
                json.WriteString("outletAsPublished", a.OutletAsPublished);
            }

            if (a.OutletCountry is not null)
            {
                json.WriteString("outletCountry", a.OutletCountry);
            }

            json.WriteString("published", Iso(a.Published));
            if (a.Language is not null)
            {
                json.WriteString("language", a.Language);
            }

            if (a.Description.Length > 0)
            {
                json.WriteString("description", a.Description);
            }

            json.WriteString("id", a.Id);
            if (a.AlsoPublishedBy.Count > 0)
            {
                json.WriteStartArray("alsoPublishedBy");
                foreach (var copy in a.AlsoPublishedBy)
                {
                    json.WriteStartObject();
                    json.WriteString("outlet", copy.Outlet);
                    json.WriteString("link", copy.Link);
                    json.WriteString("title", copy.Title);
                    json.WriteString("published", Iso(copy.Published));
                    json.WriteEndObject();
                }

                json.WriteEndArray();
            }

            json.WriteStartObject("classification");
            json.WriteNumber("confidence", source.Item.Perspective.Confidence);
            json.WriteString("reason", source.Item.Perspective.Reason);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();

        var numbers = digest.Sources.ToDictionary(s => s.Article.Id, s => s.Number, StringComparer.Ordinal);
        json.WriteStartArray("stories");
        foreach (var story in digest.Stories)
        {
            json.WriteStartObject();
            json.WriteString("id", story.Id);
            json.WriteString("headline", story.Headline);
            json.WriteBoolean("blindspot", story.IsBlindspot);
            json.WriteNumber("articleCount", story.Articles.Count);
            json.WriteStartObject("coverage");
            foreach (var side in digest.Topic.Sides)
            {
                json.WriteNumber(side.Id, story.CoverageBySide.GetValueOrDefault(side.Id));
            }

            json.WriteEndObject();
            json.WriteStartArray("sources");
            // The listed sources of the story, ascending (articles beyond the cap have no number).
            foreach (var number in story.Articles.Select(a => numbers.GetValueOrDefault(a.Article.Id)).Where(n => n > 0).Order())
            {
                json.WriteNumberValue(number);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();

        WriteDiagnostics(json, run.Diagnostics);
        json.WriteEndObject();
    }

    private void WriteDiagnostics(Utf8JsonWriter json, DigestDiagnostics diagnostics)
    {
        json.WriteStartObject("diagnostics");
        json.WriteNumber("articlesRead", diagnostics.ArticlesRead);
        json.WriteStartArray("feeds");
        foreach (var outcome in diagnostics.Feeds)
        {
            json.WriteStartObject();
            json.WriteString("feed", outcome.Feed.DisplayName);
            json.WriteString("kind", outcome.Feed.Kind.ToString());
            if (outcome.Feed.Side is not null)
            {
                json.WriteString("side", outcome.Feed.Side);
            }

            json.WriteString("status", outcome.Status.ToString());
            json.WriteNumber("itemCount", outcome.ItemCount);
            if (_options.IncludeTimings)
            {
                json.WriteNumber("elapsedMs", Math.Round(outcome.Elapsed.TotalMilliseconds, 1));
            }

            if (outcome.MovedTo is not null)
            {
                json.WriteString("movedTo", outcome.MovedTo);
            }

            if (outcome.Error is { } error)
            {
                json.WriteStartObject("error");
                json.WriteString("kind", error.Kind.ToString());
                json.WriteString("location", error.Location);
                json.WriteString("reason", error.Reason);
                if (error.StatusCode is int status)
                {
                    json.WriteNumber("statusCode", status);
                }

                if (error.ContentType is not null)
                {
                    json.WriteString("contentType", error.ContentType);
                }

                json.WriteEndObject();
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("dropped");
        foreach (var drop in diagnostics.Dropped)
        {
            json.WriteStartObject();
            json.WriteString("reason", drop.Reason.ToString());
            json.WriteString("detail", drop.Detail);
            if (drop.Title is not null)
            {
                json.WriteString("title", drop.Title);
            }

            if (drop.Link is not null)
            {
                json.WriteString("link", drop.Link);
            }

            json.WriteString("feed", drop.Feed.DisplayName);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("notes");
        foreach (var note in diagnostics.Notes)
        {
            json.WriteStringValue(note);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteBullet(Utf8JsonWriter json, SummaryBullet bullet)
    {
        json.WriteStartObject();
        json.WriteString("text", bullet.Text);
        json.WriteStartArray("citations");
        foreach (var n in bullet.Citations)
        {
            json.WriteNumberValue(n);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static string Iso(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
