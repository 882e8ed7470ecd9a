using System.Globalization;

namespace NewsPerspectives;

/// <summary>Options of the <see cref="ChatClientSummarizer"/>. Validated when the summarizer is created and, in a host, at start.</summary>
public sealed class ChatClientSummarizerOptions
{
    /// <summary>The default system prompt: the model's role and the rules every bullet must follow.</summary>
    public const string DefaultSystemPrompt =
        "You write short, neutral news digests that compare how different sides cover one topic. " +
        "You use only the numbered sources you are given, never outside knowledge. " +
        "Every bullet is one sentence and ends with the numbers of the sources it rests on in its \"citations\" list; " +
        "cite only numbers from the source list. A side's bullets describe how that side's own sources frame the news " +
        "and cite only that side's sources. Answer with JSON only, no prose around it.";

    /// <summary>
    /// The default user prompt template. Placeholders: <c>{topic}</c>, <c>{date}</c>, <c>{sides}</c> (one line per
    /// side: id and name), <c>{sources}</c> (one line per numbered source), <c>{maxHighlights}</c>,
    /// <c>{bulletsPerSide}</c> and <c>{format}</c> (the expected JSON shape, with the topic's side ids).
    /// </summary>
    public const string DefaultUserPromptTemplate =
        "Topic: {topic}\n" +
        "Date: {date}\n" +
        "Sides:\n{sides}\n\n" +
        "Numbered sources (number, side, outlet, date, headline, and a description when there is one):\n{sources}\n\n" +
        "Write up to {maxHighlights} overall highlights (the most important developments, across sides) and up to " +
        "{bulletsPerSide} bullets for each side (how that side's sources cover the topic). " +
        "Answer with a JSON object of this shape:\n{format}";

    /// <summary>The model id sent with each request (<c>ChatOptions.ModelId</c>); <see langword="null"/> (the default) leaves it to the client.</summary>
    public string? ModelId { get; set; }

    /// <summary>How long one summarization may take before the extractive fallback is used. Default 60 seconds.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The system prompt. Default <see cref="DefaultSystemPrompt"/>.</summary>
    public string SystemPrompt { get; set; } = DefaultSystemPrompt;

    /// <summary>The user prompt template; must contain <c>{sources}</c>. Default <see cref="DefaultUserPromptTemplate"/>.</summary>
    public string UserPromptTemplate { get; set; } = DefaultUserPromptTemplate;

    /// <summary>
    /// Ask for structured output with a JSON schema built for the topic's sides (OpenAI's <c>json_schema</c> response
    /// format). <see langword="false"/> asks for plain JSON mode (for servers without schema support). Default <see langword="true"/>.
    /// </summary>
    public bool UseJsonSchema { get; set; } = true;

    /// <summary>The most overall highlights asked for (and kept). Default 5.</summary>
    public int MaxHighlights { get; set; } = 5;

    /// <summary>The most bullets per side asked for (and kept). Default 4.</summary>
    public int BulletsPerSide { get; set; } = 4;

    /// <summary>Descriptions in the prompt are cut to this many characters (at a word boundary). Default 300; 0 leaves them out.</summary>
    public int MaxDescriptionLength { get; set; } = 300;

    /// <summary>Sampling temperature; <see langword="null"/> leaves it to the client. Default 0.2.</summary>
    public float? Temperature { get; set; } = 0.2f;

    /// <summary>The most output tokens; <see langword="null"/> leaves it to the client. Default 2000.</summary>
    public int? MaxOutputTokens { get; set; } = 2000;

    /// <summary>Throws when an option is out of range.</summary>
    /// <exception cref="ArgumentException">An option is out of range, a prompt is empty or the template has no <c>{sources}</c> placeholder; the message names every one.</exception>
    public void Validate()
    {
        var problems = Problems().ToArray();
        if (problems.Length > 0)
        {
            throw new ArgumentException(string.Join("; ", problems.Select(p => p.Message)), problems[0].Option);
        }
    }

    /// <summary>What is wrong, each naming its option (<c>ChatClientSummarizerOptions.Timeout is …; it must …</c>).</summary>
    internal IEnumerable<(string Option, string Message)> Problems()
    {
        if (Timeout <= TimeSpan.Zero && Timeout != System.Threading.Timeout.InfiniteTimeSpan)
        {
            yield return Problem(nameof(Timeout), Timeout.ToString("c", CultureInfo.InvariantCulture), "must be positive (or Timeout.InfiniteTimeSpan)");
        }

        foreach (var (name, value) in new[] { (nameof(MaxHighlights), MaxHighlights), (nameof(BulletsPerSide), BulletsPerSide), (nameof(MaxDescriptionLength), MaxDescriptionLength) })
        {
            if (value < 0)
            {
                yield return Problem(name, value.ToString(CultureInfo.InvariantCulture), "must be 0 or more");
            }
        }

        if (string.IsNullOrWhiteSpace(SystemPrompt))
        {
            yield return Problem(nameof(SystemPrompt), "empty", "must not be empty");
        }

        if (string.IsNullOrWhiteSpace(UserPromptTemplate))
        {
            yield return Problem(nameof(UserPromptTemplate), "empty", "must not be empty");
        }
        else if (!UserPromptTemplate.Contains("{sources}", StringComparison.Ordinal))
        {
            yield return Problem(nameof(UserPromptTemplate), "without {sources}", "must contain the {sources} placeholder");
        }
    }

    private static (string Option, string Message) Problem(string option, string value, string rule) =>
        (option, $"{nameof(ChatClientSummarizerOptions)}.{option} is {value}; it {rule}");
}
