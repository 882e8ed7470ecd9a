namespace NewsPerspectives;

/// <summary>
/// Options of the <see cref="SupportCheck"/>. The defaults were measured on the seed's real gpt-4o-mini bullets and on
/// copies altered to carry a name or number none of the sources has (see <c>docs/quality.md</c>). Validated when the
/// check is created.
/// </summary>
public sealed class SupportCheckOptions
{
    /// <summary>Check that cited sources support their bullets. <see langword="false"/> keeps only the citation checks (numbers that exist, a side's own sources). Default <see langword="true"/>.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// The share of a bullet's content words (other than the topic's own names) that must be found in its supporting
    /// sources' text, between 0 and 1. Default 0.2.
    /// </summary>
    public double MinContentShare { get; set; } = 0.2;

    /// <summary>
    /// A name in the bullet (a capitalised word or run of them, or an acronym) is found when at least this share of its
    /// words is in the supporting sources ("Sanae Takaichi" is found in "Takaichi ..." at 0.5), between 0 and 1. Titles
    /// such as "Prime Minister" do not count. Default 0.5.
    /// </summary>
    public double MinNameShare { get; set; } = 0.5;

    /// <summary>A cited source supports its bullet when it shares at least this many content words with it (other than the topic's names), or one of its names or numbers. Default 1.</summary>
    public int MinSharedWords { get; set; } = 1;

    /// <summary>
    /// Two words match when they are equal after folding (case, diacritics, plural, demonyms such as Chinese → China) or
    /// share their first this many letters ("economic" ~ "economy"); 0 for equal words only. Default 6.
    /// </summary>
    public int PrefixLength { get; set; } = 6;

    /// <summary>Attribute a bullet that cites nothing to the listed sources that support it (a side's bullet: that side's sources), instead of dropping it. Default <see langword="true"/>.</summary>
    public bool AttributeUncited { get; set; } = true;

    /// <summary>Throws when an option is out of range.</summary>
    /// <exception cref="ArgumentException">An option is out of range; the message names every one.</exception>
    public void Validate() => OptionChecks.Validate(nameof(SupportCheckOptions), Check);

    /// <summary>The rules: shares between 0 and 1, at least one shared word, a prefix length not negative.</summary>
    internal void Check(OptionChecks check)
    {
        check.Between(MinContentShare, 0, 1);
        check.Between(MinNameShare, 0, 1);
        check.AtLeast(MinSharedWords, 1);
        check.AtLeast(PrefixLength, 0);
    }
}
