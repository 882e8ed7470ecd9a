namespace NewsPerspectives;

/// <summary>Whether sources support a bullet, which of them do, and what of the bullet they lack.</summary>
public sealed class SupportVerdict
{
    /// <summary>True when at least one source supports the bullet and together they hold all its names and numbers and enough of its words.</summary>
    public required bool IsSupported { get; init; }

    /// <summary>Numbers of the sources that support the bullet (share enough of it), ascending.</summary>
    public required IReadOnlyList<int> Supporting { get; init; }

    /// <summary>Numbers of the sources checked that do not support it, ascending.</summary>
    public required IReadOnlyList<int> Unsupporting { get; init; }

    /// <summary>The bullet's names not found in the supporting sources.</summary>
    public required IReadOnlyList<string> MissingNames { get; init; }

    /// <summary>The bullet's numbers not found in the supporting sources.</summary>
    public required IReadOnlyList<string> MissingNumbers { get; init; }

    /// <summary>The share of the bullet's content words found in the supporting sources (1 when it has none).</summary>
    public required double ContentShare { get; init; }

    /// <summary>Why the bullet is not supported, for notes; empty when it is.</summary>
    public required string Reason { get; init; }
}
