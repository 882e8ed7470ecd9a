using System.Globalization;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace NewsPerspectives;

/// <summary>
/// A summarizer over any <see cref="IChatClient"/> (OpenAI, Azure OpenAI, Ollama, …). It sends the numbered sources
/// in the prompt, asks for structured JSON in the seed's shape (overall highlights and one list per side) with the
/// source numbers each bullet rests on, and checks the answer: a citation that points at no source is removed, a
/// bullet left without any citation is dropped, and both are reported in <see cref="DigestSummary.Notes"/>. When the
/// client throws, takes longer than <see cref="ChatClientSummarizerOptions.Timeout"/>, or answers something that is
/// not such JSON (or has no bullet with a valid citation), the fallback summarizer (the extractive one by default)
/// writes the summary and the reason is noted. Token usage is noted when the client reports it.
/// </summary>
public sealed class ChatClientSummarizer : ISummarizer
{
    private readonly IChatClient _client;
    private readonly ChatClientSummarizerOptions _options;
    private readonly ISummarizer _fallback;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;

    /// <summary>Creates the summarizer.</summary>
    /// <param name="client">The chat client.</param>
    /// <param name="options">Options; defaults when <see langword="null"/>.</param>
    /// <param name="fallback">Used when the client fails; a default <see cref="ExtractiveSummarizer"/> when <see langword="null"/>.</param>
    /// <param name="timeProvider">The clock of the timeout; <see cref="TimeProvider.System"/> when <see langword="null"/>.</param>
    /// <param name="logger">Logger; none when <see langword="null"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="client"/> is null.</exception>
    /// <exception cref="ArgumentException">An option is invalid.</exception>
    public ChatClientSummarizer(
        IChatClient client,
        ChatClientSummarizerOptions? options = null,
        ISummarizer? fallback = null,
        TimeProvider? timeProvider = null,
        ILogger<ChatClientSummarizer>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        _client = client;
        _options = options ?? new ChatClientSummarizerOptions();
        _options.Validate();
        _fallback = fallback ?? new ExtractiveSummarizer();
        _timeProvider = timeProvider ?? TimeProvider.System;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
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
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled (a timeout is not: it falls back).</exception>
    public async Task<DigestSummary> SummarizeAsync(SummaryRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Sources.Count == 0)
        {
            return await FallbackAsync(request, [], "there are no sources to summarize", cancellationToken).ConfigureAwait(false);
        }

        var notes = new List<string>();
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
            catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                return await FallbackAsync(request, notes, $"no answer within {_options.Timeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s", cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                return await FallbackAsync(request, notes, $"the chat client failed ({ex.GetType().Name}: {ex.Message})", cancellationToken).ConfigureAwait(false);
            }
        }

        if (response.Usage is { } usage)
        {
            notes.Add(UsageNote(response.ModelId ?? _options.ModelId, usage));
        }

        if (!SummaryAnswerParser.TryParse(response.Text, request.Topic, out var answer, out var error))
        {
            return await FallbackAsync(request, notes, error, cancellationToken).ConfigureAwait(false);
        }

        var highlights = Validate(answer.Highlights, request.Sources.Count, _options.MaxHighlights, "highlights", notes);
        var sides = new Dictionary<string, IReadOnlyList<SummaryBullet>>(StringComparer.Ordinal);
        foreach (var side in request.Topic.Sides)
        {
            IReadOnlyList<RawBullet> raw = answer.Sides.GetValueOrDefault(side.Id) ?? [];
            if (raw.Count == 0 && request.Sources.Any(s => s.SideId == side.Id))
            {
                notes.Add($"chat summarizer: the answer had no bullets for side '{side.Id}'");
            }

            sides[side.Id] = Validate(raw, request.Sources.Count, _options.BulletsPerSide, side.Id, notes);
        }

        if (highlights.Length == 0 && sides.Values.All(b => b.Count == 0))
        {
            return await FallbackAsync(request, notes, "the answer had no bullet with a valid citation", cancellationToken).ConfigureAwait(false);
        }

        return new DigestSummary { Highlights = highlights, SideBullets = sides, Notes = notes };
    }

    /// <summary>Keeps the citations that point at a source (1..count), distinct and ascending; drops bullets left with none.</summary>
    private static SummaryBullet[] Validate(IReadOnlyList<RawBullet> bullets, int sourceCount, int max, string section, List<string> notes)
    {
        var result = new List<SummaryBullet>();
        foreach (var bullet in bullets)
        {
            if (string.IsNullOrWhiteSpace(bullet.Text))
            {
                notes.Add($"chat summarizer: {section}: dropped an empty bullet");
                continue;
            }

            var valid = bullet.Citations.Where(n => n >= 1 && n <= sourceCount).Distinct().Order().ToArray();
            var invalid = bullet.Citations.Where(n => n < 1 || n > sourceCount).Distinct().Order().ToArray();
            if (invalid.Length > 0 || bullet.UnreadableCitations > 0)
            {
                var what = string.Join(", ", invalid.Select(n => n.ToString(CultureInfo.InvariantCulture)).Concat(Enumerable.Repeat("(unreadable)", bullet.UnreadableCitations)));
                notes.Add($"chat summarizer: {section}: removed citation(s) {what} that point at no source from \"{bullet.Text}\"");
            }

            if (valid.Length == 0)
            {
                notes.Add($"chat summarizer: {section}: dropped \"{bullet.Text}\": no citation points at a listed source");
                continue;
            }

            if (result.Count >= max)
            {
                notes.Add($"chat summarizer: {section}: dropped \"{bullet.Text}\": more than {max} bullets");
                continue;
            }

            result.Add(new SummaryBullet { Text = bullet.Text, Citations = valid });
        }

        return result.ToArray();
    }

    private static string UsageNote(string? model, UsageDetails usage)
    {
        static string Count(long? n) => n?.ToString(CultureInfo.InvariantCulture) ?? "?";
        var total = usage.TotalTokenCount ?? (usage.InputTokenCount + usage.OutputTokenCount);
        return $"chat summarizer: {(model is null ? "" : $"model {model}, ")}tokens: {Count(usage.InputTokenCount)} input, {Count(usage.OutputTokenCount)} output, {Count(total)} total";
    }

    private async Task<DigestSummary> FallbackAsync(SummaryRequest request, List<string> notes, string reason, CancellationToken cancellationToken)
    {
        _logger.FellBack(_fallback.GetType().Name, request.Topic.Id, reason);
        notes.Add($"chat summarizer: {reason}; used the {_fallback.GetType().Name} instead");
        var summary = await _fallback.SummarizeAsync(request, cancellationToken).ConfigureAwait(false);
        return new DigestSummary { Highlights = summary.Highlights, SideBullets = summary.SideBullets, Notes = [.. notes, .. summary.Notes] };
    }
}
