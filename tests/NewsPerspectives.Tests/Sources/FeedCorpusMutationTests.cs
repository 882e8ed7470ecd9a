using System.Diagnostics;
using System.Text;
using CsCheck;
using NewsPerspectives.Tests.Sources.Http;
using Xunit.Abstractions;

namespace NewsPerspectives.Tests.Sources;

/// <summary>
/// A bounded mutation run over the 443-file feed corpus: each case takes a corpus file and flips bytes, truncates it,
/// duplicates a slice, splices in hostile markup or re-encodes it (UTF-16/32 with and without BOM, Latin-1,
/// Shift_JIS, GB18030), served under a random or absent charset. Every case must end, within a per-case limit, as a
/// parse or a typed <see cref="FeedError"/> — never an exception or a hang — and every parsed item must normalise to
/// an article or a reported drop. A failure shrinks and prints the CsCheck seed that reproduces it.
/// </summary>
[Collection(HttpTestGroup.Name)]
public sealed class FeedCorpusMutationTests(ITestOutputHelper output)
{
    private const long Cases = 3000;
    private static readonly TimeSpan CaseLimit = TimeSpan.FromSeconds(10);

    private static readonly string?[] Charsets = [null, null, "utf-8", "iso-8859-1", "windows-1252", "shift_jis", "koi8-r", "gb2312", "utf-16", "utf-32", "x-unknown-charset", "\"utf-8\""];

    private static readonly string[] Splices =
    [
        "<!DOCTYPE rss [<!ENTITY x \"xx\">]>", "<!-- <!DOCTYPE x> -->", "<!--", "-->", "]]>", "<![CDATA[", "&#0;", "&#xD800;", "&nbsp;", "&undefined;",
        "<?xml version=\"1.0\" encoding=\"utf-16\"?>", "\uFEFF", "\0", "<item>", "</item>", "<title>", "</channel>", "</rss>", "<rss version=\"2.0\"/>",
        string.Concat(Enumerable.Repeat("<a>", 200)), "{\"version\":\"https://jsonfeed.org/version/1.1\",\"items\":[", "\"", "'", "<", ">", "&",
    ];

    private static readonly Lazy<(string Path, byte[] Bytes)[]> Corpus = new(() =>
        FeedCorpusRobustnessTests.CorpusFiles().Select(f => (f, File.ReadAllBytes(f))).ToArray());

    private enum Mutation
    {
        FlipBytes,
        Truncate,
        Duplicate,
        Splice,
        ReEncode,
        Everything,
    }

    [Fact]
    public void MutatedCorpusFiles_AlwaysEndAsAParseOrATypedError()
    {
        var corpus = Corpus.Value;
        Assert.True(corpus.Length >= 440, $"corpus has {corpus.Length} files");
        var gen = Gen.Select(Gen.Int[0, corpus.Length - 1], Gen.Enum<Mutation>(), Gen.Int[0, int.MaxValue], Gen.Int[0, Charsets.Length - 1]);
        int parsed = 0, failed = 0;
        var kinds = new System.Collections.Concurrent.ConcurrentDictionary<FeedErrorKind, int>();
        var stopwatch = Stopwatch.StartNew();
        gen.Sample((file, mutation, seed, charset) =>
        {
            var (path, original) = corpus[file];
            var bytes = Mutate(original, mutation, new Random(seed));
            var location = $"mutant://{Path.GetFileName(path)}/{mutation}/{seed}";
            var parse = Task.Run(() => FeedDocumentParser.Parse(bytes, location, Charsets[charset]));
            Assert.True(parse.Wait(CaseLimit), $"{location}: no result within {CaseLimit.TotalSeconds} s");
            var result = parse.Result;
            if (result.Error is { } error)
            {
                Assert.Equal(FeedStatus.Failed, result.Status);
                Assert.Equal(location, error.Location);
                Assert.True(Enum.IsDefined(error.Kind), $"{location}: kind {error.Kind}");
                Assert.False(string.IsNullOrWhiteSpace(error.Reason), $"{location}: no reason");
                Assert.Empty(result.Items);
                kinds.AddOrUpdate(error.Kind, 1, (_, n) => n + 1);
                Interlocked.Increment(ref failed);
                return;
            }

            Assert.Equal(FeedStatus.Ok, result.Status);
            var feed = new FeedDefinition { Kind = FeedKind.File, Location = location };
            for (int i = 0; i < result.Items.Count; i++)
            {
                var normalized = ArticleNormalizer.Normalize(result.Items[i], feed, result, i);
                Assert.True((normalized.Article is null) != (normalized.Dropped is null), $"{location}: item {i} is neither an article nor a drop");
            }

            Interlocked.Increment(ref parsed);
        }, iter: Cases, threads: 2);
        output.WriteLine($"{Cases} mutants of {corpus.Length} corpus files in {stopwatch.Elapsed.TotalSeconds:0.0} s: {parsed} parsed, {failed} typed errors ({string.Join(", ", kinds.OrderBy(k => k.Key).Select(k => $"{k.Key} {k.Value}"))})");
        Assert.True(parsed > 0 && failed > 0, "the mutations should give both parses and errors");
    }

    private static byte[] Mutate(byte[] original, Mutation mutation, Random random)
    {
        var bytes = original.ToList();
        switch (mutation)
        {
            case Mutation.FlipBytes:
                for (int n = random.Next(1, 17); n > 0 && bytes.Count > 0; n--)
                {
                    int at = random.Next(bytes.Count);
                    bytes[at] = (byte)(bytes[at] ^ (1 << random.Next(8)) ^ (random.Next(4) == 0 ? random.Next(256) : 0));
                }

                break;
            case Mutation.Truncate:
                // Mostly the tail cut off (a dropped connection), sometimes the head (a resumed download gone wrong).
                int cut = random.Next(bytes.Count + 1);
                bytes = random.Next(4) == 0 ? bytes.Skip(cut).ToList() : bytes.Take(cut).ToList();
                break;
            case Mutation.Duplicate:
                if (bytes.Count > 0)
                {
                    int start = random.Next(bytes.Count);
                    int length = random.Next(1, Math.Min(bytes.Count - start, 4096) + 1);
                    var slice = bytes.GetRange(start, length);
                    for (int copies = random.Next(1, 4); copies > 0; copies--)
                    {
                        bytes.InsertRange(random.Next(bytes.Count + 1), slice);
                    }
                }

                break;
            case Mutation.Splice:
                for (int n = random.Next(1, 4); n > 0; n--)
                {
                    bytes.InsertRange(random.Next(bytes.Count + 1), Encoding.UTF8.GetBytes(Splices[random.Next(Splices.Length)]));
                }

                break;
            case Mutation.ReEncode:
                return ReEncode(original, random);
            case Mutation.Everything:
                var again = Mutate(ReEncode(original, random), (Mutation)random.Next((int)Mutation.ReEncode), random);
                return Mutate(again, (Mutation)random.Next((int)Mutation.ReEncode), random);
        }

        return [.. bytes];
    }

    private static byte[] ReEncode(byte[] original, Random random)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var text = Encoding.UTF8.GetString(original);
        Encoding[] targets =
        [
            new UnicodeEncoding(false, true), new UnicodeEncoding(true, true), new UTF32Encoding(false, true), new UTF32Encoding(true, true),
            Encoding.Latin1, Encoding.GetEncoding("shift_jis"), Encoding.GetEncoding("GB18030"), new UTF8Encoding(true),
        ];
        var target = targets[random.Next(targets.Length)];
        var body = target.GetBytes(text);
        return random.Next(2) == 0 ? [.. target.GetPreamble(), .. body] : body;
    }
}
