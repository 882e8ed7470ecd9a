namespace NewsPerspectives;

/// <summary>
/// A summarizer could not write a summary (no answer in time, an answer that is not the expected JSON, …). A
/// <see cref="FallbackSummarizer"/> notes <see cref="Exception.Message"/> and the <see cref="Notes"/> gathered so far,
/// and uses its fallback.
/// </summary>
public sealed class SummarizerException : NewsPerspectivesException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">Why the summarizer failed, as a note a person can read (e.g. <c>chat summarizer: no answer within 30 s</c>).</param>
    /// <param name="notes">Notes gathered before the failure (such as token usage); none when <see langword="null"/>.</param>
    /// <param name="innerException">The underlying error, if any.</param>
    public SummarizerException(string message, IReadOnlyList<string>? notes = null, Exception? innerException = null)
        : base(message, innerException)
    {
        Notes = notes ?? [];
    }

    /// <summary>Notes gathered before the failure.</summary>
    public IReadOnlyList<string> Notes { get; }
}
