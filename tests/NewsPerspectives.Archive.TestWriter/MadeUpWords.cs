namespace NewsPerspectives.Archive.TestWriter;

/// <summary>Made-up words for numbers, so test stories share no real word by accident (linked into the archive tests too).</summary>
internal static class MadeUpWords
{
    /// <summary>A made-up word for a number: "q" and base-26 letters.</summary>
    public static string Word(int n)
    {
        var letters = new Stack<char>();
        do
        {
            letters.Push((char)('a' + (n % 26)));
            n /= 26;
        }
        while (n > 0);
        return "q" + new string([.. letters]);
    }
}
