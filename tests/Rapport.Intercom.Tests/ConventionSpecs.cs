using System.Reflection;

namespace Rapport.Intercom.Tests;

public sealed class ConventionSpecs
{
    private static readonly Type[] PublicTypes = typeof(IntercomClient).Assembly.GetExportedTypes();

    [Fact]
    public void Every_public_IO_method_takes_a_cancellation_token_last()
    {
        var methods = typeof(IntercomClient).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(method => method.Name.EndsWith("Async", StringComparison.Ordinal))
            .ToList();

        methods.ShouldNotBeEmpty();
        methods.ShouldAllBe(method => method.GetParameters().Last().ParameterType == typeof(CancellationToken));
    }

    [Fact]
    public void Public_types_are_sealed_unless_designed_as_bases()
    {
        Type[] bases = [typeof(IntercomException), typeof(IntercomApiException), typeof(IntercomSearchQuery)];

        var unsealed = PublicTypes.Where(type => type.IsClass && !type.IsSealed && !type.IsAbstract && !bases.Contains(type) && !IsStatic(type));

        unsealed.ShouldBeEmpty();
    }

    [Fact]
    public void Every_returned_model_carries_its_raw_json()
    {
        Type[] models = [typeof(IntercomCompany), typeof(IntercomContact), typeof(IntercomSegment), typeof(IntercomTag), typeof(IntercomAdmin), typeof(IntercomMe), typeof(IntercomDataAttribute)];

        models.ShouldAllBe(model => model.GetProperty("Raw") != null && model.GetMethod("Parse", BindingFlags.Public | BindingFlags.Static) != null);
    }

    private static bool IsStatic(Type type) => type.IsAbstract && type.IsSealed;
}
