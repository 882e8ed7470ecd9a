using System.Globalization;

namespace NewsPerspectives.Tests.Articles;

public class FeedDateParserTests
{
    [Theory]
    [InlineData("Tue, 14 Jul 2026 03:33:16 GMT", "2026-07-14T03:33:16Z")]
    [InlineData("14 Jul 2026 03:33:16 +0000", "2026-07-14T03:33:16Z")]
    [InlineData("Tue, 14 Jul 2026 05:33:16 CEST", "2026-07-14T03:33:16Z")]
    [InlineData("Mon, 13 Jul 2026 23:33:16 EDT", "2026-07-14T03:33:16Z")]
    [InlineData("Mon, 13 Jul 2026 22:33:16 EST", "2026-07-14T03:33:16Z")]
    [InlineData("Tue, 14 Jul 2026 12:33:16 JST", "2026-07-14T03:33:16Z")]
    [InlineData("Tue, 14 Jul 26 03:33 GMT", "2026-07-14T03:33:00Z")]
    [InlineData("Tue, 14 Jul 2026 09:03:16 +05:30", "2026-07-14T03:33:16Z")]
    [InlineData("2026-07-14T03:33:16Z", "2026-07-14T03:33:16Z")]
    [InlineData("2026-07-14T05:33:16.123+02:00", "2026-07-14T03:33:16Z")]
    [InlineData("2026-07-14 03:33:16", "2026-07-14T03:33:16Z")]
    [InlineData("2026-07-14", "2026-07-14T00:00:00Z")]
    [InlineData("03 Apr 2020", "2020-04-03T00:00:00Z")]
    public void TryParse_KnownFormats_GiveTheSameUtcInstantInEveryCulture(string text, string expected)
    {
        var want = DateTimeOffset.Parse(expected, CultureInfo.InvariantCulture);
        foreach (var culture in new[] { "en-US", "de-DE", "ja-JP", "ar-SA" })
        {
            var previous = CultureInfo.CurrentCulture;
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
            try
            {
                Assert.True(FeedDateParser.TryParse(text, out var value), $"{text} under {culture}");
                Assert.Equal(want, value.AddTicks(-(value.Ticks % TimeSpan.TicksPerSecond)));
                Assert.Equal(TimeSpan.Zero, value.Offset);
            }
            finally
            {
                CultureInfo.CurrentCulture = previous;
            }
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("yesterday")]
    [InlineData("03/04/2020")]
    [InlineData("Tue, 14 Jul 2026 03:33:16 XYZT")]
    [InlineData("31 Feb 2026 10:00:00 GMT")]
    [InlineData("Tue, 14 Foo 2026 03:33:16 GMT")]
    public void TryParse_UnknownOrAmbiguous_IsRejectedNotGuessed(string text)
    {
        Assert.False(FeedDateParser.TryParse(text, out _));
    }
}
