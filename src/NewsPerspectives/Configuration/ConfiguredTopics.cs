using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace NewsPerspectives;

/// <summary>
/// The topics of a configuration section, read once when first needed (the same <see cref="ConfigurationException"/>
/// every time after a failure). Registered by <c>AddNewsPerspectives(IConfiguration)</c>, which also checks them when
/// a host starts through <see cref="StartCheck"/>.
/// </summary>
internal sealed class ConfiguredTopics(IConfiguration section, string baseDirectory)
{
    private readonly Lazy<NewsPerspectivesConfiguration> _loaded = new(() => TopicConfigurationLoader.Load(section, baseDirectory));

    /// <summary>The loaded configuration.</summary>
    /// <exception cref="ConfigurationException">The section is invalid.</exception>
    public NewsPerspectivesConfiguration Value => _loaded.Value;

    /// <summary>An options type with nothing in it: its validation at start reads the topics.</summary>
    internal sealed class StartCheck;

    /// <summary>Fails the host's start with the configuration error, which names the key and the field.</summary>
    internal sealed class Validator(ConfiguredTopics topics) : IValidateOptions<StartCheck>
    {
        public ValidateOptionsResult Validate(string? name, StartCheck options)
        {
            try
            {
                _ = topics.Value;
                return ValidateOptionsResult.Success;
            }
            catch (ConfigurationException ex)
            {
                return ValidateOptionsResult.Fail(ex.Message);
            }
        }
    }
}
