using Microsoft.Extensions.Configuration;

namespace Rapport.Configuration;

/// <summary><c>rapport.json</c> (or the file given with <c>--config</c>) as a configuration source; <see cref="ConfigFileProvider"/> reads it.</summary>
internal sealed class ConfigFileSource(string path) : IConfigurationSource
{
    public IConfigurationProvider Build(IConfigurationBuilder builder) => new ConfigFileProvider(path);
}
