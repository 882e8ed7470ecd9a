using Xunit.Abstractions;
using Xunit.Sdk;

namespace NewsPerspectives.Archive.Tests;

/// <summary>
/// A fact that is skipped, with the reason, when its test class carries a <see cref="ISkipCondition"/> attribute whose
/// reason is not null (e.g. no PostgreSQL server can be started here). The conformance tests use it so each engine's
/// subclass decides for itself.
/// </summary>
[XunitTestCaseDiscoverer("NewsPerspectives.Archive.Tests.ArchiveFactDiscoverer", "NewsPerspectives.Archive.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class ArchiveFactAttribute : FactAttribute
{
}

/// <summary>A class attribute that may skip the class's <see cref="ArchiveFactAttribute"/> tests.</summary>
public interface ISkipCondition
{
    /// <summary>Why the tests cannot run here, or <see langword="null"/> when they can.</summary>
    string? SkipReason { get; }
}

/// <summary>Discovers <see cref="ArchiveFactAttribute"/> tests: a normal test case, or a skipped one with the class's reason.</summary>
public sealed class ArchiveFactDiscoverer(IMessageSink diagnosticMessageSink) : IXunitTestCaseDiscoverer
{
    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute)
    {
        var type = testMethod.TestClass.Class.ToRuntimeType();
        var reason = type.GetCustomAttributes(inherit: true).OfType<ISkipCondition>().Select(c => c.SkipReason).FirstOrDefault(r => r is not null);
        yield return reason is null
            ? new XunitTestCase(diagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(), discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod)
            : new SkippedTestCase(diagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(), discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod, reason);
    }
}

/// <summary>A test case reported as skipped with a reason found at discovery.</summary>
public sealed class SkippedTestCase : XunitTestCase
{
    private string _reason = "";

    [Obsolete("Called by the de-serializer; should only be called by deriving classes for de-serialization purposes")]
    public SkippedTestCase()
    {
    }

    public SkippedTestCase(IMessageSink sink, TestMethodDisplay display, TestMethodDisplayOptions options, ITestMethod method, string reason)
        : base(sink, display, options, method) => _reason = reason;

    protected override string GetSkipReason(IAttributeInfo factAttribute) => _reason;

    public override void Serialize(IXunitSerializationInfo data)
    {
        base.Serialize(data);
        data.AddValue("SkipReason", _reason);
    }

    public override void Deserialize(IXunitSerializationInfo data)
    {
        _reason = data.GetValue<string>("SkipReason");
        base.Deserialize(data);
    }
}
