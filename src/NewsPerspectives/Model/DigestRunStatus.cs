namespace NewsPerspectives;

/// <summary>How a run ended: whether its digest may be published, and what a host should report.</summary>
public enum DigestRunStatus
{
    /// <summary>Every feed was read and the digest lists at least one article.</summary>
    Complete,

    /// <summary>Some feeds failed; the digest was made from the others, and the failures are in the diagnostics.</summary>
    Partial,

    /// <summary>
    /// Every feed failed, or the run ended with no article to list: the digest is empty and must not replace a
    /// published one (<see cref="DigestFileStore"/> refuses to write it).
    /// </summary>
    Failed,
}
