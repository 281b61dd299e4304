namespace Rapport.Contract.Tests.OpenApi;

/// <summary>
/// The digest of Intercom's OpenAPI description 2.16 committed with the tests (made by scripts/intercom-spec-digest.sh),
/// and the official spec files it can be checked against when one is at hand.
/// </summary>
internal static class SpecFile
{
    public const string OfficialVariable = "RAPPORT_INTERCOM_OPENAPI";

    public static string Digest { get; } = Path.Combine(AppContext.BaseDirectory, "Spec", "api.intercom.io.2.16.digest.json");

    /// <summary>
    /// The official file named by <see cref="OfficialVariable"/>, else the copies the team's reference folder keeps beside
    /// the repository (YAML original and its JSON conversion). A user's clone usually has neither.
    /// </summary>
    public static IReadOnlyList<string> Officials()
    {
        if (Environment.GetEnvironmentVariable(OfficialVariable) is { Length: > 0 } named)
        {
            return File.Exists(named) ? [named] : throw new FileNotFoundException($"{OfficialVariable} names {named}, which does not exist.");
        }

        if (RepositoryRoot() is not { } root)
        {
            return [];
        }

        var folder = Path.GetFullPath(Path.Combine(root, "..", "shared", "intercom-openapi", "2.16"));
        return [.. new[] { "api.intercom.io.yaml", "api.intercom.io.json" }.Select(f => Path.Combine(folder, f)).Where(File.Exists)];
    }

    // The binaries may live outside the repository (an artifacts path), so the project folder recorded at build time is
    // where the search for Rapport.slnx starts.
    private static string? RepositoryRoot()
    {
        var start = typeof(SpecFile).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
            .Cast<System.Reflection.AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "ProjectDirectory")?.Value ?? AppContext.BaseDirectory;
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Rapport.slnx")))
            {
                return directory.FullName;
            }
        }

        return null;
    }
}
