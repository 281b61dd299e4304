using System.Globalization;
using System.Reflection;

namespace Rapport.Storage.Migrations;

/// <summary>A versioned SQL script embedded in this assembly (<c>Migrations/{provider}/NNNN_name.sql</c>).</summary>
internal sealed record Migration(int Version, string Name, string Sql)
{
    public static IReadOnlyList<Migration> For(string provider)
    {
        var assembly = typeof(Migration).Assembly;
        var prefix = $"{assembly.GetName().Name}.Migrations.{provider}.";
        var migrations = new List<Migration>();
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            if (!resource.StartsWith(prefix, StringComparison.Ordinal) || !resource.EndsWith(".sql", StringComparison.Ordinal))
            {
                continue;
            }

            var name = resource[prefix.Length..^".sql".Length];
            var version = int.Parse(name[..name.IndexOf('_', StringComparison.Ordinal)], CultureInfo.InvariantCulture);
            migrations.Add(new Migration(version, name, Read(assembly, resource)));
        }

        if (migrations.Count == 0 || migrations.Select(m => m.Version).Distinct().Count() != migrations.Count)
        {
            throw new InvalidOperationException($"The {provider} migrations embedded in {assembly.GetName().Name} are missing or numbered twice.");
        }

        return [.. migrations.OrderBy(m => m.Version)];
    }

    private static string Read(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
