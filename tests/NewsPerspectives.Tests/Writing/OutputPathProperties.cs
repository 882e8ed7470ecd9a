using CsCheck;

namespace NewsPerspectives.Tests.Writing;

/// <summary>
/// Generative tests (CsCheck) of the path rules: any topic id — traversal, separators, drive letters, reserved names,
/// control characters, any Unicode, any length — maps to one safe segment, every writer's file lands inside the
/// output root in the writer's folder, and different ids never share a folder.
/// </summary>
public sealed class OutputPathProperties
{
    private static readonly string[] Fragments =
    [
        "..", ".", "/", "\\", "../", "..\\", "/etc/passwd", "C:", "C:\\", "\\\\server\\share", "~", "$HOME", "%2e%2e", "CON", "nul", "PRN",
        "com1", "LPT9", "_index", "index", "-", "--", " ", "\t", "\n", "\0", ":", "*", "?", "\"", "<", ">", "|", "日本", "é", "ß", "İ", "🙂",
        "a", "b", "z9", "china-japan",
    ];

    private static readonly Gen<string> Ids =
        Gen.Frequency(
            (4, Gen.OneOf(Fragments)),
            (3, Gen.Char[' ', '~'].Select(c => c.ToString())),
            (1, Gen.Int[0, 0x10FFFF].Select(cp => char.ConvertFromUtf32(cp is >= 0xD800 and <= 0xDFFF ? cp - 0x800 : cp))),
            (1, Gen.Int[60, 320].Select(n => new string('a', n))))
        .Array[0, 12]
        .Select(parts => string.Concat(parts));

    private static readonly string Root = Path.Combine(Path.GetTempPath(), "np-paths-root");

    [Fact]
    public void AnyTopicId_MapsToOneSafeSegment_AndEveryWriterStaysInsideTheRoot()
    {
        var writers = new (IDigestWriter Writer, string Folder)[]
        {
            (new HugoMarkdownWriter(), "content/summaries"), (new JsonDigestWriter(), "digests"), (new HtmlDigestWriter(), "html"),
        };
        Ids.Sample(id =>
        {
            var segment = OutputPaths.Segment(id);
            Assert.Matches("^[a-z0-9]+(-[a-z0-9]+)*$", segment);
            Assert.InRange(segment.Length, 1, 64);
            Assert.DoesNotContain(segment, (string[])["con", "prn", "aux", "nul", "_index", "index", "com1", "lpt1"]);

            var run = RenderedDigest.Run(id, "T", "S", "Title", "Outlet", "Bullet");
            foreach (var (writer, folder) in writers)
            {
                var full = OutputPaths.Resolve(Root, writer.GetRelativePath(run.Digest));
                var expectedFolder = Path.GetFullPath(Path.Combine(Root, folder, segment));
                Assert.Equal(expectedFolder, Path.GetDirectoryName(full));
                Assert.StartsWith(Path.GetFullPath(Root) + Path.DirectorySeparatorChar, full, StringComparison.Ordinal);
            }
        }, iter: 3000);
    }

    [Fact]
    public void DifferentTopicIds_NeverShareAFolder()
    {
        Gen.Select(Ids, Ids).Sample((a, b) => a == b || OutputPaths.Segment(a) != OutputPaths.Segment(b), iter: 3000);
    }
}
