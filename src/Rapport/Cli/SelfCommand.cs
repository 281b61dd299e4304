namespace Rapport.Cli;

/// <summary>
/// How to type this same Rapport again, for the hints that print a command to copy. Nothing puts <c>rapport</c> on the
/// PATH of a fresh clone, so a hint says <c>rapport import …</c> only when that is what runs; run from the source tree it
/// says <c>dotnet run --project src/Rapport -- import …</c>, and otherwise it names this very executable or assembly.
/// </summary>
internal static class SelfCommand
{
    private const string Name = "rapport";

    /// <summary>The command line that runs <paramref name="arguments"/> with this Rapport from the current directory.</summary>
    public static string For(string arguments) => $"{Prefix(AppContext.BaseDirectory, Environment.ProcessPath, Environment.CurrentDirectory, Environment.GetEnvironmentVariable("PATH"))} {arguments}";

    /// <param name="baseDirectory">Where this Rapport's assemblies are.</param>
    /// <param name="processPath">The executable that runs it: its own apphost (also what <c>dotnet run</c> starts), a tool's shim, or <c>dotnet</c>.</param>
    /// <param name="workingDirectory">Where the command will be typed.</param>
    /// <param name="path">The PATH to look for an installed <c>rapport</c> on.</param>
    internal static string Prefix(string baseDirectory, string? processPath, string workingDirectory, string? path)
    {
        if (ProjectOf(baseDirectory) is { } project)
            return $"dotnet run --project {Quote(Shortest(workingDirectory, project))} --";
        var isDotnet = processPath is null || Path.GetFileNameWithoutExtension(processPath).Equals("dotnet", StringComparison.OrdinalIgnoreCase);
        if (!isDotnet && OnPath(path) is { } installed && SameFile(installed, processPath!))
            return Name;
        return isDotnet
            ? $"dotnet {Quote(Shortest(workingDirectory, Path.Combine(baseDirectory, Name + ".dll")))}"
            : Quote(Shortest(workingDirectory, processPath!));
    }

    /// <summary>
    /// The project folder when this is a build of the source tree (<c>src/Rapport/bin/{configuration}/{framework}/</c>, as
    /// <c>dotnet run</c> builds it); a copy elsewhere, a publish folder or a test's output has no <c>Rapport.csproj</c> above.
    /// </summary>
    private static string? ProjectOf(string baseDirectory)
    {
        var folder = new DirectoryInfo(baseDirectory);
        for (var up = 0; up < 4 && folder is not null; up++, folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Rapport.csproj")))
                return folder.FullName;
        }

        return null;
    }

    private static string? OnPath(string? path)
    {
        foreach (var folder in (path ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var file in OperatingSystem.IsWindows() ? new[] { Name + ".exe", Name + ".cmd" } : [Name])
            {
                var candidate = Path.Combine(folder, file);
                if (File.Exists(candidate))
                    return candidate;
            }
        }

        return null;
    }

    private static bool SameFile(string a, string b) =>
        string.Equals(Resolved(a), Resolved(b), OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);

    private static string Resolved(string file) =>
        new FileInfo(file).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? Path.GetFullPath(file);

    /// <summary>Relative when it is below where the command is typed (<c>src/Rapport</c>), absolute otherwise.</summary>
    private static string Shortest(string workingDirectory, string target)
    {
        var relative = Path.GetRelativePath(workingDirectory, target);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? target : relative;
    }

    /// <summary>A path with spaces stays one argument when pasted into a shell.</summary>
    private static string Quote(string value) => value.Any(char.IsWhiteSpace) ? $"\"{value}\"" : value;
}
