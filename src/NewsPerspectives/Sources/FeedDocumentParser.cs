using System.Globalization;
using System.Text;
using System.Xml;
using CodeHollow.FeedReader;
using CodeHollow.FeedReader.Feeds;
using CodeHollow.FeedReader.Parser;

namespace NewsPerspectives;

/// <summary>Limits applied while parsing a feed document.</summary>
public sealed class FeedParserOptions
{
    /// <summary>The largest document accepted, in characters. Default 10,000,000.</summary>
    public long MaxCharacters { get; set; } = 10_000_000;

    /// <summary>The deepest element nesting accepted. Default 128.</summary>
    public int MaxDepth { get; set; } = 128;

    /// <summary>The rules: both limits at least 1.</summary>
    internal void Check(OptionChecks check)
    {
        check.AtLeast(MaxCharacters, 1);
        check.AtLeast(MaxDepth, 1);
    }
}

/// <summary>
/// Turns the bytes of an RSS 0.9x/1.0/2.0, Atom or JSON Feed document into raw items, safely:
/// text decoding from the BOM, the transport's charset or the XML declaration (a conflict between them resolved or
/// reported, never garbled silently); for XML, the DOCTYPE removed by a scan of the prolog and an
/// <see cref="XmlReader"/> pre-pass with DTDs prohibited, no resolver and depth and size caps, then
/// CodeHollow.FeedReader as the parser only, every parser exception mapped to a <see cref="FeedError"/>; JSON Feed
/// read with System.Text.Json, each malformed item kept with its <see cref="FeedItem.Problem"/>.
/// </summary>
public static class FeedDocumentParser
{
    /// <summary>Parses a feed document.</summary>
    /// <param name="content">The raw bytes.</param>
    /// <param name="location">The file path or URL, for errors.</param>
    /// <param name="charset">The charset the transport declared (HTTP <c>Content-Type</c>), if any.</param>
    /// <param name="options">Limits; defaults when <see langword="null"/>.</param>
    /// <returns>The items or a typed error.</returns>
    public static FeedReadResult Parse(ReadOnlySpan<byte> content, string location, string? charset = null, FeedParserOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(location);
        options ??= new FeedParserOptions();
        string text;
        try
        {
            text = FeedTextDecoder.Decode(content, charset);
        }
        catch (Exception ex) when (ex is DecoderFallbackException or ArgumentException)
        {
            return Fail(FeedErrorKind.Encoding, location, $"the text could not be decoded: {ex.Message}");
        }

        return ParseText(text, location, options);
    }

    /// <summary>Parses an already decoded feed document.</summary>
    /// <param name="text">The document text.</param>
    /// <param name="location">The file path or URL, for errors.</param>
    /// <param name="options">Limits; defaults when <see langword="null"/>.</param>
    /// <returns>The items or a typed error.</returns>
    public static FeedReadResult ParseText(string text, string location, FeedParserOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(location);
        options ??= new FeedParserOptions();
        if (text.Length > options.MaxCharacters)
        {
            return Fail(FeedErrorKind.TooLarge, location, $"the document has {text.Length} characters, more than the cap of {options.MaxCharacters}");
        }

        var trimmed = text.AsSpan().TrimStart();
        if (trimmed.IsEmpty)
        {
            return Fail(FeedErrorKind.Parse, location, "the document is empty");
        }

        if (trimmed[0] is '{' or '[')
        {
            return JsonFeedDocument.Parse(text, location, options);
        }

        text = XmlProlog.RemoveDoctype(HtmlEntityReferences.ToNumeric(text));
        if (PrecheckXml(text, options) is { } xmlProblem)
        {
            return Fail(FeedErrorKind.Parse, location, xmlProblem);
        }

        Feed feed;
        try
        {
            feed = FeedReader.ReadFromString(text);
        }
        catch (Exception ex) when (ex is XmlException or FeedTypeNotSupportedException or NotSupportedException
            or NullReferenceException or InvalidOperationException or FormatException or ArgumentException
            or IndexOutOfRangeException or InvalidCastException or OverflowException)
        {
            return Fail(FeedErrorKind.Parse, location, DescribeParserException(ex));
        }

        if (feed.Type == FeedType.Unknown)
        {
            return Fail(FeedErrorKind.Parse, location, "not a feed: the root element is not rss, rdf:RDF or feed");
        }

        var items = new List<FeedItem>(feed.Items?.Count ?? 0);
        foreach (var item in feed.Items ?? [])
        {
            items.Add(ToFeedItem(item));
        }

        return new FeedReadResult
        {
            Status = FeedStatus.Ok,
            Items = items,
            Language = string.IsNullOrWhiteSpace(feed.Language) ? null : feed.Language.Trim(),
            Title = string.IsNullOrWhiteSpace(feed.Title) ? null : HtmlText.ToPlainText(feed.Title),
            Link = string.IsNullOrWhiteSpace(feed.Link) ? null : feed.Link.Trim(),
            BaseAddress = string.IsNullOrWhiteSpace(feed.Link) ? null : feed.Link.Trim(),
        };
    }

    private static FeedReadResult Fail(FeedErrorKind kind, string location, string reason) =>
        FeedReadResult.Failed(new FeedError { Kind = kind, Location = location, Reason = reason });

    private static string DescribeParserException(Exception ex) => ex switch
    {
        NullReferenceException => "not a feed: the document lacks required elements (e.g. an rss element without a channel)",
        FeedTypeNotSupportedException => $"not a supported feed type: {ex.Message}",
        XmlException x => $"malformed XML at line {x.LineNumber}, position {x.LinePosition}: {x.Message}",
        _ => $"{ex.GetType().Name}: {ex.Message}",
    };

    /// <summary>
    /// Reads the whole document once with a locked-down reader: no resolver, depth and size caps, and DTDs prohibited —
    /// the DOCTYPE was removed before, so one that is still there (hidden from the prolog scan) fails here instead of
    /// reaching FeedReader, which would process it.
    /// </summary>
    private static string? PrecheckXml(string text, FeedParserOptions options)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersInDocument = options.MaxCharacters,
            MaxCharactersFromEntities = 0,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            CheckCharacters = false,
        };
        try
        {
            using var stringReader = new StringReader(text);
            using var reader = XmlReader.Create(stringReader, settings);
            while (reader.Read())
            {
                if (reader.NodeType == XmlNodeType.Element && reader.Depth >= options.MaxDepth)
                {
                    return $"elements nested deeper than {options.MaxDepth} levels";
                }

                if (reader.NodeType == XmlNodeType.EntityReference)
                {
                    return $"undeclared entity '&{reader.Name};' (DTD entities are not expanded)";
                }
            }

            return null;
        }
        catch (XmlException ex)
        {
            return $"malformed XML at line {ex.LineNumber}, position {ex.LinePosition}: {ex.Message}";
        }
    }

    private static FeedItem ToFeedItem(CodeHollow.FeedReader.FeedItem item)
    {
        string? sourceName = null;
        string? sourceUrl = null;
        string? published = item.PublishingDateString;
        string? link = item.Link;
        switch (item.SpecificItem)
        {
            case Rss20FeedItem rss:
                sourceName = rss.Source?.Value;
                sourceUrl = rss.Source?.Url;
                published ??= rss.DC?.DateString;
                break;
            case AtomFeedItem atom:
                published ??= atom.UpdatedDateString;
                link = AtomAlternateLink(atom) ?? link;
                break;
            case Rss10FeedItem rdf:
                published ??= rdf.DC?.DateString;
                break;
            case Rss092FeedItem rss092:
                sourceName = rss092.Source?.Value;
                sourceUrl = rss092.Source?.Url;
                break;
        }

        var description = string.IsNullOrWhiteSpace(item.Description) ? item.Content : item.Description;
        return new FeedItem
        {
            Title = item.Title,
            Link = link,
            Id = item.Id,
            Description = description,
            PublishedText = published,
            SourceName = string.IsNullOrWhiteSpace(sourceName) ? null : sourceName.Trim(),
            SourceUrl = string.IsNullOrWhiteSpace(sourceUrl) ? null : sourceUrl.Trim(),
        };
    }

    private static string? AtomAlternateLink(AtomFeedItem atom)
    {
        if (atom.Links is null)
        {
            return null;
        }

        foreach (var link in atom.Links)
        {
            if (string.IsNullOrEmpty(link.Relation) || string.Equals(link.Relation, "alternate", StringComparison.OrdinalIgnoreCase))
            {
                return link.Href;
            }
        }

        return null;
    }
}

/// <summary>Decodes feed bytes: BOM first, then the transport charset, then the XML declaration, then UTF-8.</summary>
internal static class FeedTextDecoder
{
    static FeedTextDecoder() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static string Decode(ReadOnlySpan<byte> bytes, string? transportCharset)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return Strict(Encoding.UTF8).GetString(bytes[3..]);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE, 0x00, 0x00]))
        {
            return new UTF32Encoding(false, false, true).GetString(bytes[4..]);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0xFE, 0xFF]))
        {
            return new UTF32Encoding(true, false, true).GetString(bytes[4..]);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return new UnicodeEncoding(false, false, true).GetString(bytes[2..]);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return new UnicodeEncoding(true, false, true).GetString(bytes[2..]);
        }

        // BOM-less UTF-16: "<\0?\0" or "\0<\0?".
        if (bytes.Length >= 4 && bytes[0] == (byte)'<' && bytes[1] == 0 && bytes[2] != 0 && bytes[3] == 0)
        {
            return new UnicodeEncoding(false, false, true).GetString(bytes);
        }

        if (bytes.Length >= 4 && bytes[0] == 0 && bytes[1] == (byte)'<' && bytes[2] == 0)
        {
            return new UnicodeEncoding(true, false, true).GetString(bytes);
        }

        var declaredName = DeclaredEncoding(bytes);
        var declared = Resolve(declaredName);
        var transport = Resolve(transportCharset);
        if (transport is not null && declared is not null && transport.CodePage != declared.CodePage)
        {
            return DecodeConflict(bytes, (transport, transportCharset!), (declared, declaredName!));
        }

        var encoding = transport ?? declared ?? Encoding.UTF8;
        if (encoding is UTF8Encoding)
        {
            // Invalid UTF-8 (often Latin-1 declared as UTF-8): fall back to windows-1252 instead of silently losing characters.
            try
            {
                return Strict(Encoding.UTF8).GetString(bytes);
            }
            catch (DecoderFallbackException)
            {
                return Encoding.GetEncoding(1252).GetString(bytes);
            }
        }

        if (encoding is UnicodeEncoding or UTF32Encoding)
        {
            // A 16/32-bit charset declared on a document that decoded as ASCII so far: the declaration lies; use UTF-8.
            return Strict(Encoding.UTF8).GetString(bytes);
        }

        return encoding.GetString(bytes);
    }

    /// <summary>
    /// The transport's charset and the XML declaration disagree. Valid multi-byte UTF-8 named by either is UTF-8 (other
    /// encodings' text almost never forms valid UTF-8 sequences); otherwise the first of the two, header first, that
    /// decodes the bytes without error. When neither does, the text cannot be known: an error, not mojibake.
    /// </summary>
    private static string DecodeConflict(ReadOnlySpan<byte> bytes, (Encoding Encoding, string Name) transport, (Encoding Encoding, string Name) declared)
    {
        if ((transport.Encoding is UTF8Encoding || declared.Encoding is UTF8Encoding) && IsNonAsciiUtf8(bytes))
        {
            return Strict(Encoding.UTF8).GetString(bytes);
        }

        // 16/32-bit names cannot be right: the BOM and the '<' patterns above found no such text.
        var candidates = ((Encoding[])[transport.Encoding, declared.Encoding]).Where(e => e is not (UnicodeEncoding or UTF32Encoding)).DefaultIfEmpty(Encoding.UTF8);
        foreach (var candidate in candidates)
        {
            try
            {
                return Strict(candidate).GetString(bytes);
            }
            catch (DecoderFallbackException)
            {
                // Try the other one.
            }
        }

        throw new DecoderFallbackException(
            $"the server's charset '{transport.Name.Trim()}' and the document's declared encoding '{declared.Name.Trim()}' disagree, and the bytes are valid in neither");
    }

    private static bool IsNonAsciiUtf8(ReadOnlySpan<byte> bytes) =>
        bytes.IndexOfAnyInRange((byte)0x80, (byte)0xFF) >= 0 && System.Text.Unicode.Utf8.IsValid(bytes);

    private static Encoding Strict(Encoding encoding) =>
        Encoding.GetEncoding(encoding.CodePage, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);

    internal static Encoding? Resolve(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        name = name.Trim().Trim('"', '\'');
        // Common aliases: the WHATWG treats these labels as their supersets.
        name = name.ToUpperInvariant() switch
        {
            "ISO-8859-1" or "LATIN1" or "US-ASCII" or "ASCII" => "windows-1252",
            "GB2312" or "GB_2312-80" or "X-GBK" => "GBK",
            "SHIFT-JIS" or "X-SJIS" or "SJIS" => "shift_jis",
            _ => name,
        };
        try
        {
            return Encoding.GetEncoding(name);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static string? DeclaredEncoding(ReadOnlySpan<byte> bytes)
    {
        var head = bytes[..Math.Min(bytes.Length, 512)];
        if (!head.StartsWith("<?xml"u8))
        {
            return null;
        }

        int end = head.IndexOf("?>"u8);
        if (end < 0)
        {
            return null;
        }

        var decl = Encoding.ASCII.GetString(head[..end]);
        int at = decl.IndexOf("encoding", StringComparison.Ordinal);
        if (at < 0)
        {
            return null;
        }

        int quote = decl.IndexOfAny(['"', '\''], at);
        if (quote < 0)
        {
            return null;
        }

        int close = decl.IndexOf(decl[quote], quote + 1);
        return close < 0 ? null : decl[(quote + 1)..close];
    }
}
