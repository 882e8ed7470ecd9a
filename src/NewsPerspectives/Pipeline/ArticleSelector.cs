namespace NewsPerspectives;

/// <summary>
/// Picks the articles a digest lists. Within a side, newest first (ties: feed order). With balanced sides
/// (the seed's rule) each side first gets <c>floor(max / sides)</c> places, then the remaining places are
/// filled round-robin across sides in topic order. Given the stories, a side's places go first to its newest
/// article of each story that more than one side covered (broadest stories first), so the digest can show each
/// side's own telling of a shared event.
/// </summary>
public static class ArticleSelector
{
    /// <summary>Orders articles newest first, then by feed configuration order, then by position in the feed.</summary>
    /// <param name="articles">The articles.</param>
    /// <param name="topic">The topic (for feed order).</param>
    public static IReadOnlyList<ClassifiedArticle> OrderNewestFirst(IEnumerable<ClassifiedArticle> articles, TopicDefinition topic)
    {
        ArgumentNullException.ThrowIfNull(articles);
        ArgumentNullException.ThrowIfNull(topic);
        var feedIndex = new Dictionary<FeedDefinition, int>(ReferenceEqualityComparer.Instance);
        for (int i = 0; i < topic.Feeds.Count; i++)
        {
            feedIndex.TryAdd(topic.Feeds[i], i);
        }

        return articles
            .OrderByDescending(a => a.Article.Published)
            .ThenBy(a => feedIndex.GetValueOrDefault(a.Article.Feed, int.MaxValue))
            .ThenBy(a => a.Article.FeedPosition)
            .ThenBy(a => a.Article.Id, StringComparer.Ordinal)
            .ToArray();
    }

    /// <summary>Selects the listed articles and reports the rest.</summary>
    /// <param name="articles">Classified articles.</param>
    /// <param name="topic">The topic and its limits.</param>
    /// <returns>The selected articles grouped by side in topic order (newest first within a side), and those left over.</returns>
    public static (IReadOnlyList<ClassifiedArticle> Selected, IReadOnlyList<ClassifiedArticle> OverCap) Select(IReadOnlyList<ClassifiedArticle> articles, TopicDefinition topic) =>
        Select(articles, topic, null);

    /// <summary>Selects the listed articles, each side's article of every shared story first, and reports the rest.</summary>
    /// <param name="articles">Classified articles.</param>
    /// <param name="topic">The topic and its limits.</param>
    /// <param name="stories">The stories of those articles, broadest first (as the clusterer orders them); <see langword="null"/> for plain newest first.</param>
    /// <returns>The selected articles grouped by side in topic order (newest first within a side), and those left over.</returns>
    public static (IReadOnlyList<ClassifiedArticle> Selected, IReadOnlyList<ClassifiedArticle> OverCap) Select(IReadOnlyList<ClassifiedArticle> articles, TopicDefinition topic, IReadOnlyList<Story>? stories)
    {
        ArgumentNullException.ThrowIfNull(articles);
        ArgumentNullException.ThrowIfNull(topic);
        var limits = topic.Limits;
        var ordered = SharedStoriesFirst(OrderNewestFirst(articles, topic), stories);
        var queues = topic.Sides.ToDictionary(s => s.Id, _ => new Queue<ClassifiedArticle>(), StringComparer.Ordinal);
        foreach (var article in ordered)
        {
            if (queues.TryGetValue(article.SideId, out var queue))
            {
                queue.Enqueue(article);
            }
        }

        var chosen = topic.Sides.ToDictionary(s => s.Id, _ => new List<ClassifiedArticle>(), StringComparer.Ordinal);
        int total = 0;
        int max = Math.Max(0, limits.MaxArticles);
        if (limits.BalanceSides && topic.Sides.Count > 0)
        {
            int perSide = max / topic.Sides.Count;
            foreach (var side in topic.Sides)
            {
                var queue = queues[side.Id];
                while (chosen[side.Id].Count < perSide && queue.Count > 0)
                {
                    chosen[side.Id].Add(queue.Dequeue());
                    total++;
                }
            }

            // Round-robin fill of the remaining places, in topic side order.
            bool progress = true;
            while (total < max && progress)
            {
                progress = false;
                foreach (var side in topic.Sides)
                {
                    if (total >= max)
                    {
                        break;
                    }

                    if (queues[side.Id].Count > 0)
                    {
                        chosen[side.Id].Add(queues[side.Id].Dequeue());
                        total++;
                        progress = true;
                    }
                }
            }
        }
        else
        {
            foreach (var article in ordered)
            {
                if (total >= max)
                {
                    break;
                }

                if (chosen.TryGetValue(article.SideId, out var list))
                {
                    list.Add(article);
                    queues[article.SideId].Dequeue();
                    total++;
                }
            }
        }

        var selected = topic.Sides.SelectMany(s => OrderNewestFirst(chosen[s.Id], topic)).ToArray();
        var overCap = topic.Sides.SelectMany(s => queues[s.Id]).ToArray();
        return (selected, overCap);
    }

    /// <summary>
    /// The articles in <paramref name="newestFirst"/> order, except that each side's newest article of every story
    /// covered by more than one side comes first, in story order.
    /// </summary>
    private static IReadOnlyList<ClassifiedArticle> SharedStoriesFirst(IReadOnlyList<ClassifiedArticle> newestFirst, IReadOnlyList<Story>? stories)
    {
        if (stories is null)
        {
            return newestFirst;
        }

        var present = new HashSet<ClassifiedArticle>(newestFirst, ReferenceEqualityComparer.Instance);
        var first = new List<ClassifiedArticle>();
        var taken = new HashSet<ClassifiedArticle>(ReferenceEqualityComparer.Instance);
        foreach (var story in stories)
        {
            if (story.CoverageBySide.Count(kv => kv.Value > 0) < 2)
            {
                continue;
            }

            // A story's articles are newest first: the first of each side is that side's newest.
            var sides = new HashSet<string>(StringComparer.Ordinal);
            foreach (var item in story.Articles)
            {
                if (present.Contains(item) && sides.Add(item.SideId) && taken.Add(item))
                {
                    first.Add(item);
                }
            }
        }

        return first.Count == 0 ? newestFirst : [.. first, .. newestFirst.Where(a => !taken.Contains(a))];
    }
}
