using System.Reflection;
using System.Reflection.Emit;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.DependencyInjection;
using Rapport.Cli;
using Rapport.Storage;
using Rapport.Web;

namespace Rapport.Tests;

/// <summary>
/// A service the container makes is made only by the container: a <c>new</c> of it elsewhere in product code runs with
/// dependencies and settings of its own choosing, apart from what the server and the commands compose. Read from the IL
/// of the product assemblies, so it holds for code no test runs.
/// </summary>
public sealed class ServiceConstructionSpecs
{
    private static readonly Assembly[] Product =
    [
        typeof(Rapport.Hub.Accounts.AccountId).Assembly,
        typeof(Rapport.Storage.Database.HubDatabase).Assembly,
        typeof(Rapport.Intercom.IntercomClient).Assembly,
        typeof(Rapport.Application.IntercomSource).Assembly,
        typeof(Rapport.IntercomSimulator.IntercomSimulatorServer).Assembly,
        typeof(RapportWebApp).Assembly,
    ];

    /// <summary>
    /// A run that is made of other runs makes them itself, on its own client and with options it derives: the sweep runs
    /// an incremental import and the conversation import, and the import runs the conversation import when asked to.
    /// </summary>
    private static readonly (Type Maker, Type Made)[] Composed =
    [
        (typeof(Rapport.Application.Reconcile.ReconciliationSweep), typeof(Rapport.Application.Import.IntercomImporter)),
        (typeof(Rapport.Application.Reconcile.ReconciliationSweep), typeof(Rapport.Application.Conversations.ConversationImporter)),
        (typeof(Rapport.Application.Import.IntercomImporter), typeof(Rapport.Application.Conversations.ConversationImporter)),
    ];

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    [Fact]
    public async Task Registered_services_are_made_by_the_container_not_with_new_outside_their_registrations()
    {
        var folder = Directory.CreateTempSubdirectory("rapport-services-").FullName;
        try
        {
            await using var database = await Rapport.Storage.Database.HubDatabase.OpenAsync(Path.Combine(folder, "hub.db"), TimeProvider.System, TestContext.Current.CancellationToken);
            var registered = RegisteredTypes(CommandServices.Describe(database, TimeProvider.System))
                .Concat(RegisteredTypes(new ServiceCollection().AddRapportServer(new RapportWebOptions { Database = "unused" })))
                .ToHashSet();
            registered.ShouldContain(typeof(Rapport.Application.Playbooks.PlaybookEngine));

            var offenders = Product
                .SelectMany(a => a.GetTypes())
                .SelectMany(t => t.GetMembers(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
                .OfType<MethodBase>()
                .Where(m => !IsRegistration(m))
                .SelectMany(m => Constructed(m)
                    .Where(t => registered.Contains(t) && !Composed.Contains((Outermost(m.DeclaringType!), t)))
                    .Select(t => $"{m.DeclaringType!.FullName}.{m.Name} makes {t.FullName} with new"))
                .Distinct();

            offenders.ShouldBeEmpty("resolve these from the container, or make them in their feature's registration");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>
    /// What the container makes: registered implementation types, the service type a factory returns, and the T of a
    /// registered <c>Func&lt;…, T&gt;</c> (a factory of T per Intercom client).
    /// </summary>
    private static IEnumerable<Type> RegisteredTypes(IServiceCollection services)
    {
        foreach (var descriptor in services)
        {
            var made = descriptor.IsKeyedService
                ? descriptor.KeyedImplementationType ?? (descriptor.KeyedImplementationFactory is null ? null : descriptor.ServiceType)
                : descriptor.ImplementationType ?? (descriptor.ImplementationFactory is null ? null : descriptor.ServiceType);
            if (made is { IsGenericType: true } && made.GetGenericTypeDefinition().FullName!.StartsWith("System.Func`", StringComparison.Ordinal))
                made = made.GetGenericArguments()[^1];
            if (made is { IsClass: true, IsAbstract: false } && Product.Contains(made.Assembly))
                yield return made;
        }
    }

    /// <summary>An <c>IServiceCollection</c> extension method, or a lambda written inside one (the factories it registers).</summary>
    private static bool IsRegistration(MethodBase method)
    {
        if (IsServiceCollectionExtension(method))
            return true;
        var end = method.Name.IndexOf('>', StringComparison.Ordinal);
        if (!method.Name.StartsWith('<') || end < 0)
            return false;
        var enclosing = method.Name[1..end];
        return Outermost(method.DeclaringType!).GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
            .Any(m => m.Name == enclosing && IsServiceCollectionExtension(m));
    }

    /// <summary>The type the code was written in, out of the compiler's closures and state machines.</summary>
    private static Type Outermost(Type type)
    {
        while (IsCompilerGenerated(type) && type.DeclaringType is { } outer)
            type = outer;
        return type;
    }

    private static bool IsServiceCollectionExtension(MethodBase method) =>
        method.IsStatic && method.IsDefined(typeof(ExtensionAttribute), inherit: false)
        && method.GetParameters() is [var first, ..] && first.ParameterType == typeof(IServiceCollection);

    private static bool IsCompilerGenerated(Type type) => type.IsDefined(typeof(CompilerGeneratedAttribute), inherit: false);

    /// <summary>The types whose constructors <paramref name="method"/> calls with <c>newobj</c>.</summary>
    private static IEnumerable<Type> Constructed(MethodBase method)
    {
        var il = method.GetMethodBody()?.GetILAsByteArray();
        if (il is null)
            yield break;
        var typeArguments = method.DeclaringType!.IsGenericType ? method.DeclaringType.GetGenericArguments() : null;
        var methodArguments = method.IsGenericMethod ? method.GetGenericArguments() : null;
        var at = 0;
        while (at < il.Length)
        {
            var code = il[at] == 0xFE ? OpCodesByValue[(short)(0xFE00 | il[at + 1])] : OpCodesByValue[il[at]];
            at += code.Size;
            if (code == OpCodes.Newobj)
            {
                var token = BitConverter.ToInt32(il, at);
                Type? type;
                try
                {
                    type = method.Module.ResolveMethod(token, typeArguments, methodArguments)?.DeclaringType;
                }
                catch (ArgumentException)
                {
                    type = null;
                }

                if (type is not null)
                    yield return type;
            }

            at += code.OperandType switch
            {
                OperandType.InlineNone => 0,
                OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
                OperandType.InlineVar => 2,
                OperandType.InlineI8 or OperandType.InlineR => 8,
                OperandType.InlineSwitch => 4 + (4 * BitConverter.ToInt32(il, at)),
                _ => 4,
            };
        }
    }
}
