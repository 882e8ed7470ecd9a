namespace NewsPerspectives;

/// <summary>
/// A story as the digest shows it: the clusterer's <see cref="Story"/> with the numbers of its listed sources, each
/// covering side's part (article count, representative headline, source numbers) and the blindspot side. Built once by
/// <see cref="DigestAssembler"/>.
/// </summary>
public sealed class DigestStory
{
    /// <summary>The clusterer's story: every relevant article of the event, listed or not.</summary>
    public required Story Story { get; init; }

    /// <summary>The representative headline: the clusterer's, unless that is the title of an article beyond the cap; then the listed headline closest to the story's terms, so the headline matches the sources the story cites.</summary>
    public required string Headline { get; init; }

    /// <summary>Numbers of the story's listed sources, ascending (articles beyond the cap have none).</summary>
    public required IReadOnlyList<int> SourceNumbers { get; init; }

    /// <summary>Each side that covered the story (listed or not), in topic order.</summary>
    public required IReadOnlyList<StorySide> Sides { get; init; }

    /// <summary>The only side that covered the story when it is a blindspot; otherwise <see langword="null"/>.</summary>
    public SideDefinition? BlindspotSide { get; init; }

    /// <summary>True when the story has at least <see cref="DigestAssemblyOptions.MinStoryArticles"/> articles, so the formats list it in their stories sections.</summary>
    public bool IsNotable { get; init; }

    /// <summary>Distinct outlets of the story's listed sources.</summary>
    public int ListedOutletCount { get; init; }

    /// <summary>The stable story id.</summary>
    public string Id => Story.Id;

    /// <summary>How many articles the story has (listed or not).</summary>
    public int ArticleCount => Story.Articles.Count;

    /// <summary>True when only one side covered the story (see <see cref="BlindspotSide"/>).</summary>
    public bool IsBlindspot => BlindspotSide is not null;

    /// <summary>The covering sides that have a listed source in the story, in topic order.</summary>
    public IEnumerable<StorySide> ListedSides => Sides.Where(s => s.SourceNumbers.Count > 0);

    /// <summary>Returns this story's part of a side, or <see langword="null"/> when the side did not cover it.</summary>
    /// <param name="sideId">The side id.</param>
    public StorySide? FindSide(string sideId) =>
        Sides.FirstOrDefault(s => string.Equals(s.Side.Id, sideId, StringComparison.Ordinal));
}
