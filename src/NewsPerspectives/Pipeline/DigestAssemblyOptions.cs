namespace NewsPerspectives;

/// <summary>Options of the <see cref="DigestAssembler"/>: presentation rules every format shares. Validated when the assembler is created.</summary>
public sealed class DigestAssemblyOptions
{
    /// <summary>
    /// The least articles a story needs to be notable (<see cref="DigestStory.IsNotable"/>): the stories sections of the
    /// formats list notable stories, and the digest keeps a story without a listed source only when it is notable. Default 2.
    /// </summary>
    public int MinStoryArticles { get; set; } = 2;

    /// <summary>Throws when an option is out of range.</summary>
    /// <exception cref="ArgumentException">An option is out of range; the message names it.</exception>
    public void Validate() => OptionChecks.Validate(nameof(DigestAssemblyOptions), Check);

    /// <summary>The rules: a story needs at least one article.</summary>
    internal void Check(OptionChecks check) => check.AtLeast(MinStoryArticles, 1);
}
