namespace NewsPerspectives;

/// <summary>One side's part in a story: how many of its articles report the event, its representative headline, and its listed sources.</summary>
public sealed class StorySide
{
    /// <summary>The side.</summary>
    public required SideDefinition Side { get; init; }

    /// <summary>How many of the side's relevant articles are in the story (listed or not).</summary>
    public required int ArticleCount { get; init; }

    /// <summary>
    /// The side's representative headline for the story: of the side's listed articles (or, when none is listed, of all
    /// its articles in the story) the one closest to the story's terms, so each side's headline is about the shared event.
    /// </summary>
    public required string Headline { get; init; }

    /// <summary>The source number of <see cref="Headline"/> when it is a listed source; otherwise <see langword="null"/>.</summary>
    public int? HeadlineSource { get; init; }

    /// <summary>Numbers of the side's listed sources in the story, ascending.</summary>
    public required IReadOnlyList<int> SourceNumbers { get; init; }
}
