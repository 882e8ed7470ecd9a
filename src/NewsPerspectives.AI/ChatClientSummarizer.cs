using System.Globalization;
using Microsoft.Extensions.AI;

namespace NewsPerspectives;

/// <summary>
/// A summarizer over any <see cref="IChatClient"/> (OpenAI, Azure OpenAI, Ollama, …). It sends the stories the pipeline
/// assembled with their numbered sources in the prompt and asks for structured JSON in the seed's shape (overall
/// highlights, one per story, comparing the sides that covered it, and one list per side citing only that side's
/// sources), with the story and the source numbers each bullet rests on. When the client throws, takes longer than
/// <see cref="ChatClientSummarizerOptions.Timeout"/>, or answers something that is not such JSON, it throws a
/// <see cref="SummarizerException"/> with the reason; token usage is noted when the client reports it.
/// </summary>
/// <remarks>
/// It does not check citations or fall back itself: the pipeline wraps every summarizer in the
/// <see cref="CitationCheckingSummarizer"/> and a <see cref="FallbackSummarizer"/> (see
/// <see cref="SummarizerBuilderExtensions.UseFallbackAndChecks"/>), which remove citations that point nowhere or at
/// another side's sources, drop bullets the cited sources do not support, and use the extractive summarizer when this
/// one fails or none of its bullets passes.
/// </remarks>
public sealed class ChatClientSummarizer : ISummarizer
{
    private readonly IChatClient _client;
    private readonly ChatClientSummarizerOptions _options;
    private readonly TimeProvider _timeProvider;

    /// <summary>Creates the summarizer.</summary>
    /// <param name="client">The chat client.</param>
    /// <param name="options">Options; defaults when <see langword="null"/>.</param>
    /// <param name="timeProvider">The clock of the timeout; <see cref="TimeProvider.System"/> when <see langword="null"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="client"/> is null.</exception>
    /// <exception cref="ArgumentException">An option is invalid.</exception>
    public ChatClientSummarizer(IChatClient client, ChatClientSummarizerOptions? options = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        _client = client;
        _options = options ?? new ChatClientSummarizerOptions();
        _options.Validate();
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <summary>The messages that would be sent for a request (system prompt, then the user prompt with the numbered sources).</summary>
    /// <param name="request">The request.</param>
    /// <returns>The messages.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is null.</exception>
    public IReadOnlyList<ChatMessage> BuildMessages(SummaryRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return
        [
            new ChatMessage(ChatRole.System, _options.SystemPrompt),
            new ChatMessage(ChatRole.User, SummaryPrompt.User(request, _options)),
        ];
    }

    /// <summary>The chat options that would be sent for a request (model, temperature, token limit, response format).</summary>
    /// <param name="request">The request.</param>
    /// <returns>The options.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is null.</exception>
    public ChatOptions BuildChatOptions(SummaryRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new ChatOptions
        {
            ModelId = _options.ModelId,
            Temperature = _options.Temperature,
            MaxOutputTokens = _options.MaxOutputTokens,
            ResponseFormat = _options.UseJsonSchema
                ? ChatResponseFormat.ForJsonSchema(SummaryPrompt.Schema(request.Topic), "digest_summary", "Overall highlights and per-side bullets, each citing numbered sources.")
                : ChatResponseFormat.Json,
        };
    }

    /// <inheritdoc/>
    /// <exception cref="SummarizerException">The client failed, timed out or answered something that is not the expected JSON.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled (a timeout is not: it is a <see cref="SummarizerException"/>).</exception>
    public async Task<DigestSummary> SummarizeAsync(SummaryRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Sources.Count == 0)
        {
            var empty = request.Topic.Sides.ToDictionary(s => s.Id, _ => (IReadOnlyList<SummaryBullet>)[], StringComparer.Ordinal);
            return new DigestSummary { Highlights = [], SideBullets = empty, Kind = SummaryKind.Generated, Model = _options.ModelId };
        }

        var notes = new List<string>();
        var labels = SummaryPrompt.StoryLabels(request);
        ChatResponse response;
        using (var timeout = new CancellationTokenSource(_options.Timeout, _timeProvider))
        using (var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token))
        {
            try
            {
                // WaitAsync: a client that ignores the token still cannot hold the run past the timeout.
                response = await _client.GetResponseAsync(BuildMessages(request), BuildChatOptions(request), linked.Token)
                    .WaitAsync(linked.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException ex) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                throw new SummarizerException($"chat summarizer: no answer within {_options.Timeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s", notes, ex);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                throw new SummarizerException($"chat summarizer: the chat client failed ({ex.GetType().Name}: {ex.Message})", notes, ex);
            }
        }

        var model = response.ModelId ?? _options.ModelId;
        if (response.Usage is { } usage)
        {
            notes.Add(UsageNote(model, usage));
        }

        if (!SummaryAnswerParser.TryParse(response.Text, request.Topic, out var answer, out var error))
        {
            throw new SummarizerException($"chat summarizer: {error}", notes);
        }

        var highlights = Bullets(answer.Highlights, labels, _options.MaxHighlights, "highlights", notes);
        var sides = new Dictionary<string, IReadOnlyList<SummaryBullet>>(StringComparer.Ordinal);
        foreach (var side in request.Topic.Sides)
        {
            IReadOnlyList<RawBullet> raw = answer.Sides.GetValueOrDefault(side.Id) ?? [];
            if (raw.Count == 0 && request.Sources.Any(s => s.SideId == side.Id))
            {
                notes.Add($"chat summarizer: the answer had no bullets for side '{side.Id}'");
            }

            sides[side.Id] = Bullets(raw, labels, _options.BulletsPerSide, side.Id, notes);
        }

        return new DigestSummary { Highlights = highlights, SideBullets = sides, Notes = notes, Kind = SummaryKind.Generated, Model = model };
    }

    /// <summary>The model's bullets with their story; empty ones and ones beyond <paramref name="max"/> are dropped, unreadable citations noted (the pipeline's citation check does the rest).</summary>
    private static SummaryBullet[] Bullets(IReadOnlyList<RawBullet> bullets, IReadOnlyDictionary<string, string> labels, int max, string section, List<string> notes)
    {
        var result = new List<SummaryBullet>();
        foreach (var bullet in bullets)
        {
            if (string.IsNullOrWhiteSpace(bullet.Text))
            {
                notes.Add($"chat summarizer: {section}: dropped an empty bullet");
                continue;
            }

            if (bullet.UnreadableCitations > 0)
            {
                notes.Add($"chat summarizer: {section}: removed {bullet.UnreadableCitations} unreadable citation(s) from \"{bullet.Text}\"");
            }

            if (result.Count >= max)
            {
                notes.Add($"chat summarizer: {section}: dropped \"{bullet.Text}\": more than {max} bullets");
                continue;
            }

            result.Add(new SummaryBullet
            {
                Text = bullet.Text,
                Citations = bullet.Citations.Distinct().Order().ToArray(),
                StoryId = bullet.Story is { } label && labels.TryGetValue(label.Trim(), out var id) ? id : null,
            });
        }

        return result.ToArray();
    }

    private static string UsageNote(string? model, UsageDetails usage)
    {
        static string Count(long? n) => n?.ToString(CultureInfo.InvariantCulture) ?? "?";
        var total = usage.TotalTokenCount ?? (usage.InputTokenCount + usage.OutputTokenCount);
        return $"chat summarizer: {(model is null ? "" : $"model {model}, ")}tokens: {Count(usage.InputTokenCount)} input, {Count(usage.OutputTokenCount)} output, {Count(total)} total";
    }
}
