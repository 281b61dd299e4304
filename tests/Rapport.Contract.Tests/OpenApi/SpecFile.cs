using System.Reflection;

namespace Rapport.Contract.Tests.OpenApi;

/// <summary>Finds Intercom's OpenAPI description in the <c>shared/</c> folder that CI clones beside the repository.</summary>
internal static class SpecFile
{
    private static readonly string RelativePath = Path.Combine("..", "shared", "intercom-openapi", "2.16", "api.intercom.io.json");

    public static string Locate()
    {
        var tried = new List<string>();
        foreach (var start in StartDirectories())
        {
            if (FindRepositoryRoot(start) is not { } root)
            {
                continue;
            }

            var candidate = Path.GetFullPath(Path.Combine(root, RelativePath));
            if (File.Exists(candidate))
            {
                return candidate;
            }

            tried.Add(candidate);
        }

        throw new FileNotFoundException(
            "Intercom's OpenAPI description is missing, so the contract cannot be checked. Expected "
            + (tried.Count > 0 ? string.Join(" or ", tried.Distinct()) : $"'{RelativePath}' next to the folder holding Rapport.slnx")
            + ": clone the shared folder beside the repository (as CI does).");
    }

    // With an artifacts path the binaries live outside the repository, so the project folder recorded at build time
    // (the AssemblyMetadata in the .csproj) is the second place to start from.
    private static IEnumerable<string> StartDirectories()
    {
        yield return AppContext.BaseDirectory;
        if (typeof(SpecFile).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
                .FirstOrDefault(a => a.Key == "ProjectDirectory")?.Value is { Length: > 0 } projectDirectory)
        {
            yield return projectDirectory;
        }

        yield return Environment.CurrentDirectory;
    }

    private static string? FindRepositoryRoot(string start)
    {
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
