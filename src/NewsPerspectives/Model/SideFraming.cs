namespace NewsPerspectives;

/// <summary>The words and phrases one side uses distinctively for the topic, compared with the other sides.</summary>
public sealed class SideFraming
{
    /// <summary>The side.</summary>
    public required SideDefinition Side { get; init; }

    /// <summary>Its distinctive terms, most distinctive (highest z-score) first.</summary>
    public required IReadOnlyList<FramingTerm> Terms { get; init; }
}
