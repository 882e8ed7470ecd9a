using System.Globalization;
using System.Text.Json;

namespace NewsPerspectives.Benchmarks.Archive;

/// <summary>
/// Continuation precision and recall on the labelled pairs of consecutive dev posts (Data/labels/continuation-labels.json,
/// NOTES-continuation.md): each previous post's sources are clustered and recorded in a fresh SQLite archive, the
/// post's own stories are looked up, and each story's continuation is checked against the labels.
/// </summary>
/// <remarks>
/// A story of the post truly continues a story of the previous post when one of its lines is paired with one of that
/// story's lines (a labelled pair, or the same link on both days). Precision: continuations found that are true.
/// Recall: stories with a true continuation whose continuation was found. "repeats" are the stories that share an
/// article with the previous day; "developments" the others. Figures are in-sample: the default threshold was chosen here.
/// </remarks>
internal static class ContinuationQuality
{
    private static readonly double[] Thresholds = [0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5];

    public static async Task<int> RunAsync(string[] args)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "Data", "labels");
        using var labels = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(folder, "continuation-labels.json")));
        var clusterer = new StoryClusterer();
        var results = new List<(string Post, double Score, bool Predicted, bool Correct, bool Positive, bool Repeat)>();
        var temp = Directory.CreateTempSubdirectory("np-continuation-").FullName;
        try
        {
            foreach (var post in labels.RootElement.GetProperty("posts").EnumerateObject())
            {
                var (topicId, date) = (post.Name.Split('/')[0], post.Name.Split('/')[1]);
                var previousDate = post.Value.GetProperty("previous").GetString()!;
                var today = PastDigestReader.Read(Path.Combine(folder, "posts", topicId, date + ".md"), out var problem) ?? throw new InvalidOperationException(problem);
                var before = PastDigestReader.Read(Path.Combine(folder, "previous-posts", topicId, previousDate + ".md"), out problem) ?? throw new InvalidOperationException(problem);
                var truth = post.Value.GetProperty("pairs").EnumerateArray().Select(p => (p[0].GetInt32(), p[1].GetInt32())).ToHashSet();
                var sameLink = new HashSet<(int, int)>();
                foreach (var a in today.Articles)
                {
                    foreach (var b in before.Articles.Where(b => b.Article.Link == a.Article.Link))
                    {
                        sameLink.Add((Line(a), Line(b)));
                    }
                }

                var storiesBefore = await clusterer.ClusterAsync(before.Topic, before.Articles);
                var storiesToday = await clusterer.ClusterAsync(today.Topic, today.Articles);
                var options = new SqliteStoryArchiveOptions { Path = Path.Combine(temp, post.Name.Replace('/', '_') + ".db") };
                options.Continuation.MinScore = 0.01; // the best match of each story is the same at any threshold: sweep below
                await using var archive = new SqliteStoryArchive(options);
                var recorded = await archive.RecordAsync(Run(before.Topic, before.Date, storiesBefore));
                var linesOf = recorded.Select((r, i) => (r.ArchivedStoryId, Lines: storiesBefore[i].Articles.Select(Line).ToHashSet())).ToDictionary(x => x.ArchivedStoryId, x => x.Lines);
                var found = (await archive.FindContinuationsAsync(Run(today.Topic, today.Date, storiesToday))).ToDictionary(c => c.StoryId);
                foreach (var story in storiesToday)
                {
                    var mine = story.Articles.Select(Line).ToArray();
                    bool Linked(IEnumerable<int> theirs, HashSet<(int, int)> pairs) => mine.Any(i => theirs.Any(j => pairs.Contains((i, j))));
                    bool positive = linesOf.Values.Any(l => Linked(l, truth) || Linked(l, sameLink));
                    bool repeat = linesOf.Values.Any(l => Linked(l, sameLink));
                    if (found.TryGetValue(story.Id, out var continuation))
                    {
                        var target = linesOf[continuation.ArchivedStoryId];
                        results.Add((post.Name, continuation.Score, true, Linked(target, truth) || Linked(target, sameLink), positive, repeat));
                    }
                    else
                    {
                        results.Add((post.Name, 0, false, false, positive, repeat));
                    }
                }
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(temp, recursive: true);
        }

        int positives = results.Count(r => r.Positive);
        int repeats = results.Count(r => r.Positive && r.Repeat);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"quality-continuation: {results.Count} stories in 25 dev posts, {positives} truly continue a story of the previous post ({repeats} repeats sharing an article, {positives - repeats} developments)"));
        Console.WriteLine("  min score | found | precision | recall | F1    | recall repeats | recall developments | precision on developments");
        foreach (var t in Thresholds)
        {
            var predicted = results.Where(r => r.Predicted && r.Score >= t).ToArray();
            int correct = predicted.Count(r => r.Correct);
            double precision = predicted.Length == 0 ? 0 : (double)correct / predicted.Length;
            double recall = positives == 0 ? 0 : (double)correct / positives;
            double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            int correctRepeats = predicted.Count(r => r.Correct && r.Repeat);
            var developments = predicted.Where(r => !r.Repeat).ToArray();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {t,9:F2} | {predicted.Length,5} | {precision,9:F3} | {recall,6:F3} | {f1:F3} | {(double)correctRepeats / repeats,14:F3} | {(double)developments.Count(r => r.Correct) / (positives - repeats),19:F3} | {(developments.Length == 0 ? 0 : (double)developments.Count(r => r.Correct) / developments.Length),25:F3}"));
        }

        return 0;
    }

    /// <summary>The 1-based line of an article in its post's source list.</summary>
    private static int Line(ClassifiedArticle article) => article.Article.FeedPosition + 1;

    private static StoryArchiveRun Run(TopicDefinition topic, DateOnly date, IReadOnlyList<Story> stories) => new()
    {
        TopicId = topic.Id,
        Date = date,
        SideIds = topic.Sides.Select(s => s.Id).ToArray(),
        Stories = stories.Select(s => StorySnapshot.FromStory(s)).ToArray(),
    };
}
