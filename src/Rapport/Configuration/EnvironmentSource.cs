using Microsoft.Extensions.Configuration;

namespace Rapport.Configuration;

/// <summary>
/// The <c>RAPPORT_*</c> environment variables of <see cref="SettingKeys"/>, each mapped onto its key and checked as it is
/// read, so a malformed one is named (<c>RAPPORT_SWEEP_MINUTES: 'soon' is not a whole number of minutes ≥ 0</c>). The
/// variables keep their flat names: the standard provider would want <c>RAPPORT_WEB__URLS</c>.
/// </summary>
internal sealed class EnvironmentSource(Func<string, string?> environment) : IConfigurationSource
{
    public IConfigurationProvider Build(IConfigurationBuilder builder) => new Provider(environment);

    private sealed class Provider(Func<string, string?> environment) : ConfigurationProvider
    {
        public override void Load()
        {
            var data = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
            foreach (var setting in SettingKeys.All)
            {
                if (setting.Variable is { } variable && environment(variable) is { } text)
                    data[setting.Key] = SettingText.Checked(setting, text, variable);
            }
            Data = data;
        }
    }
}
