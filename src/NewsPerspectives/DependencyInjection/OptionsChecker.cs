using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace NewsPerspectives;

/// <summary>Validates an options class with its own rules (see <see cref="OptionChecks"/>): every failure is reported, each naming its option.</summary>
internal sealed class OptionsChecker<TOptions>(Action<TOptions, OptionChecks> check) : IValidateOptions<TOptions>
    where TOptions : class
{
    public ValidateOptionsResult Validate(string? name, TOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var checks = new OptionChecks(typeof(TOptions).Name);
        check(options, checks);
        return checks.Failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(checks.Failures);
    }

    /// <summary>Registers the options with their validator, checked at start in a host (<c>ValidateOnStart</c>); registering twice is registering once.</summary>
    public static OptionsBuilder<TOptions> Register(IServiceCollection services, Action<TOptions, OptionChecks> check)
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TOptions>>(new OptionsChecker<TOptions>(check)));
        return services.AddOptions<TOptions>().ValidateOnStart();
    }
}
