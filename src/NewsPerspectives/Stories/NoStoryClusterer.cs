using System.Security.Cryptography;
using System.Text;

namespace NewsPerspectives;

/// <summary>
/// The off switch of story clustering: every article is a story of its own, so no two articles are grouped, no story
/// is a blindspot, and every later stage still reads stories (the pipeline always clusters). Register it with
/// <c>.UseStoryClusterer&lt;NoStoryClusterer&gt;()</c>.
/// </summary>
public sealed class NoStoryClusterer : IStoryClusterer
{
    /// <inheritdoc/>
    public Task<IReadOnlyList<Story>> ClusterAsync(TopicDefinition topic, IReadOnlyList<ClassifiedArticle> articles, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(topic);
        ArgumentNullException.ThrowIfNull(articles);
        cancellationToken.ThrowIfCancellationRequested();
        IReadOnlyList<Story> stories = articles.Select(Single).ToArray();
        return Task.FromResult(stories);
    }

    /// <summary>A story of one article, with the id <see cref="StoryClusterer"/> would give it.</summary>
    internal static Story Single(ClassifiedArticle article) => new()
    {
        Id = "story-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(article.Article.Id)).AsSpan(0, 6)),
        Headline = article.Article.Title,
        Articles = [article],
        CoverageBySide = new Dictionary<string, int>(StringComparer.Ordinal) { [article.SideId] = 1 },
    };
}
