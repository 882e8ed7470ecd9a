namespace NewsPerspectives.Benchmarks.Quality;

/// <summary><c>labels-check</c>: loads the labelled posts and reports what they hold (a self-check of the loader).</summary>
internal static class LabelsCheck
{
    public static Task<int> RunAsync(string[] args)
    {
        var posts = LabeledDigests.Load();
        int lines = posts.Sum(p => p.Lines.Count);
        Console.WriteLine($"{posts.Count} posts, {lines} lines, {posts.Sum(p => p.Stories.Count)} story groups");
        foreach (var relevance in new[] { 0, 1, 2 })
        {
            Console.WriteLine($"  relevance {relevance}: {posts.Sum(p => p.Lines.Count(l => l.Relevance == relevance))}");
        }

        return Task.FromResult(lines == 500 ? 0 : 1);
    }
}
