namespace NewsPerspectives;

/// <summary>Marks a service collection in which <c>AddHttpFeeds()</c> has registered the feed client, so it does it once.</summary>
internal sealed class HttpFeedsRegistration;
