using System.Reflection;
using System.Runtime.CompilerServices;

namespace Rapport.Tests;

/// <summary>The house rules that hold across the code base, checked by reflection so they stay true.</summary>
public sealed class ConventionSpecs
{
    private static readonly Assembly[] Source =
    [
        typeof(Rapport.Hub.Accounts.AccountId).Assembly,
        typeof(Rapport.Storage.StorageServiceCollectionExtensions).Assembly,
        typeof(Rapport.Intercom.IntercomClient).Assembly,
        typeof(Rapport.Application.IntercomSource).Assembly,
        typeof(Rapport.IntercomSimulator.IntercomSimulatorServer).Assembly,
        Assembly.Load("rapport"),
    ];

    [Theory]
    [InlineData("Rapport.Hub")]
    [InlineData("Rapport.Intercom")]
    [InlineData("Rapport.IntercomSimulator", "rapport-intercom-simulator")]
    [InlineData("Rapport.Storage", "Rapport.Storage", "Rapport.Hub")]
    [InlineData("Rapport.Application", "Rapport.Application", "Rapport.Hub", "Rapport.Intercom")]
    public void Each_project_depends_only_on_what_the_architecture_allows(string project, params string[] allowed)
    {
        var assembly = Source.Single(a => a.GetName().Name == (project == "Rapport.IntercomSimulator" ? "rapport-intercom-simulator" : project));
        string[] permitted = allowed.Length > 0 ? allowed : [project];

        var references = assembly.GetReferencedAssemblies()
            .Select(a => a.Name!)
            .Where(name => name.StartsWith("Rapport", StringComparison.Ordinal) || name.StartsWith("rapport", StringComparison.Ordinal))
            .Where(name => !permitted.Contains(name));

        references.ShouldBeEmpty($"{project} may reference only {string.Join(", ", permitted)}");
    }

    [Fact]
    public void Classes_are_sealed_unless_something_derives_from_them()
    {
        var types = Source.SelectMany(a => a.GetTypes()).Where(t => !IsCompilerGenerated(t)).ToList();
        var bases = types.Select(t => t.BaseType).OfType<Type>().ToHashSet();

        var open = types
            .Where(t => t.IsClass && !t.IsAbstract && !t.IsSealed && !bases.Contains(t))
            .Where(t => !t.Name.StartsWith('<'))
            .Where(t => t is not { Namespace: null, Name: "Program" }) // the compiler's class for top-level statements
            .Select(t => t.FullName);

        open.ShouldBeEmpty();
    }

    [Fact]
    public void Public_asynchronous_methods_take_a_cancellation_token()
    {
        var missing = Source
            .SelectMany(a => a.GetExportedTypes())
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Where(m => IsAsynchronous(m.ReturnType) && !m.IsSpecialName)
            .Where(m => !m.GetParameters().Any(p => p.ParameterType == typeof(CancellationToken)))
            .Where(m => m.Name is not ("DisposeAsync" or "Main"))
            .Select(m => $"{m.DeclaringType!.FullName}.{m.Name}");

        missing.ShouldBeEmpty();
    }

    private static bool IsAsynchronous(Type type) =>
        type == typeof(Task) || type == typeof(ValueTask)
        || (type.IsGenericType && type.GetGenericTypeDefinition() is var definition
            && (definition == typeof(Task<>) || definition == typeof(ValueTask<>) || definition == typeof(IAsyncEnumerable<>)));

    private static bool IsCompilerGenerated(Type type) =>
        type.IsDefined(typeof(CompilerGeneratedAttribute), inherit: false)
        || (type.DeclaringType is { } declaring && IsCompilerGenerated(declaring));
}
