using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NewsPerspectives.Tests.Sources.Http;

namespace NewsPerspectives.Tests.DependencyInjection;

/// <summary>Calling AddNewsPerspectives or AddHttpFeeds twice registers everything once.</summary>
public sealed class RegistrationIdempotencyTests
{
    private static (int Count, string[] Types)[] Shape(ServiceProvider provider) =>
    [
        Of(provider.GetServices<IFeedSource>()),
        Of(provider.GetServices<IArticleFilter>()),
        Of(provider.GetServices<IDigestWriter>()),
        Of(provider.GetServices<IValidateOptions<NewsPerspectivesOptions>>()),
        Of(provider.GetServices<IValidateOptions<HttpFeedOptions>>()),
    ];

    private static (int Count, string[] Types) Of<T>(IEnumerable<T> services)
    {
        var list = services.ToArray();
        return (list.Length, list.Select(s => s!.GetType().Name).ToArray());
    }

    [Fact]
    public void AddNewsPerspectivesAndAddHttpFeedsTwice_RegisterTheSameServicesAsOnce()
    {
        var once = new ServiceCollection();
        once.AddNewsPerspectives().AddHttpFeeds();
        var twice = new ServiceCollection();
        twice.AddNewsPerspectives().AddHttpFeeds();
        twice.AddNewsPerspectives().AddHttpFeeds();
        using var first = once.BuildServiceProvider();
        using var second = twice.BuildServiceProvider();

        Assert.Equal(Shape(first), Shape(second), (a, b) => a.Count == b.Count && a.Types.SequenceEqual(b.Types));
        Assert.Equal(["FileFeedSource", "HttpFeedSource"], Shape(second)[0].Types);
        Assert.Equal(3, Shape(second)[2].Count);
        // Only configuration steps add up (each call's configure action, each ValidateOnStart entry); no service does.
        Assert.Equal(Services(once), Services(twice));
    }

    private static string[] Services(IServiceCollection services) => services
        .Where(d => !(d.ServiceType.IsGenericType && d.ServiceType.GetGenericTypeDefinition() == typeof(IConfigureOptions<>)))
        .Select(d => d.ServiceType.FullName + " " + (d.ImplementationType?.FullName ?? d.ImplementationInstance?.GetType().FullName ?? "factory"))
        .Order(StringComparer.Ordinal)
        .ToArray();

    [Fact]
    public void ASecondCall_StillAppliesItsOptions()
    {
        var services = new ServiceCollection();
        services.AddNewsPerspectives(o => o.Hugo.Draft = true).AddHttpFeeds(o => o.MaxRetries = 3);
        services.AddNewsPerspectives(o => o.Json.Indented = false).AddHttpFeeds(o => o.MaxRedirects = 2);
        using var provider = services.BuildServiceProvider();
        var options = provider.GetRequiredService<IOptions<NewsPerspectivesOptions>>().Value;
        Assert.True(options.Hugo.Draft);
        Assert.False(options.Json.Indented);
        var http = provider.GetRequiredService<IOptions<HttpFeedOptions>>().Value;
        Assert.Equal(3, http.MaxRetries);
        Assert.Equal(2, http.MaxRedirects);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task A503_IsRequestedOncePlusOneRetry_HoweverOftenAddHttpFeedsWasCalled(int calls)
    {
        await using var server = await LoopbackFeedServer.StartAsync();
        var url = server.Map("/unavailable.xml", context =>
        {
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return Task.CompletedTask;
        });
        var services = new ServiceCollection();
        for (int i = 0; i < calls; i++)
        {
            services.AddNewsPerspectives().AddHttpFeeds(o =>
            {
                o.RetryDelay = TimeSpan.FromMilliseconds(10);
                o.BlockPrivateAddresses = false; // the guard's opt-out: served from 127.0.0.1
            });
        }

        await using var provider = services.BuildServiceProvider();
        var source = provider.GetServices<IFeedSource>().OfType<HttpFeedSource>().Single();
        var read = await source.ReadAsync(new FeedDefinition { Kind = FeedKind.Url, Location = url });

        Assert.Equal(FeedErrorKind.HttpStatus, read.Error?.Kind);
        Assert.Equal(503, read.Error?.StatusCode);
        Assert.Equal(2, server.Count("/unavailable.xml")); // MaxRetries = 1: one request and one retry, never a retry of the retry
    }
}
