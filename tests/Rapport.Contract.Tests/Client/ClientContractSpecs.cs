using System.Reflection;
using Rapport.Contract.Tests.OpenApi;
using Rapport.Intercom;

namespace Rapport.Contract.Tests.Client;

public sealed class ClientContractSpecs(SpecFixture spec, ClientContractFixture client) : IClassFixture<ClientContractFixture>
{
    [Fact]
    public void Every_client_call_works_against_the_simulator()
    {
        var failures = client.Failures;

        Assert.True(failures.Count == 0, $"{failures.Count} client calls failed:{Environment.NewLine}{string.Join(Environment.NewLine, failures)}");
    }

    [Fact]
    public void Every_request_the_client_sends_and_every_response_it_gets_conform_to_the_spec()
    {
        var exchanges = client.Exchanges;

        var violations = exchanges.SelectMany(spec.Contract.Validate).ToList();

        exchanges.ShouldNotBeEmpty();
        ContractAssert.Conforms(violations, exchanges.Count);
    }

    [Fact]
    public void Every_operation_the_client_uses_is_in_a_recorded_exchange()
    {
        var recorded = client.Exchanges.Select(e => spec.Contract.Identify(e.Method, e.PathAndQuery)).OfType<OperationKey>().ToHashSet();

        var uncovered = ClientOperations.All.Where(o => !recorded.Contains(o)).Select(o => o.ToString());
        var unmapped = recorded.Where(o => !ClientOperations.All.Contains(o)).Select(o => o.ToString());

        uncovered.ShouldBeEmpty("operations of ClientOperations no recorded exchange used: drive them in ClientScenario");
        unmapped.ShouldBeEmpty("operations the client sent that ClientOperations does not list");
    }

    [Fact]
    public void Every_public_client_method_is_mapped_to_its_spec_operations()
    {
        var methods = typeof(IntercomClient)
            .GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(m => !m.IsSpecialName && m.Name.EndsWith("Async", StringComparison.Ordinal))
            .Select(m => m.Name)
            .ToHashSet(StringComparer.Ordinal);

        var unmapped = methods.Except(ClientOperations.ByMethod.Keys);
        var stale = ClientOperations.ByMethod.Keys.Except(methods);

        unmapped.ShouldBeEmpty("new IntercomClient methods: add them to ClientOperations and drive them in ClientScenario");
        stale.ShouldBeEmpty("ClientOperations lists methods IntercomClient no longer has");
    }
}
