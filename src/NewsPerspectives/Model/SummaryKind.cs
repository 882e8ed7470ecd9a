namespace NewsPerspectives;

/// <summary>How a summary was written.</summary>
public enum SummaryKind
{
    /// <summary>Sentences and headlines taken from the sources (the default <see cref="ExtractiveSummarizer"/>).</summary>
    Extractive,

    /// <summary>Written by a language model from the sources (e.g. the <c>ChatClientSummarizer</c> of NewsPerspectives.AI), then checked against them.</summary>
    Generated,
}
