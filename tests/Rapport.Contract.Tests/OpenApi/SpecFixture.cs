using Rapport.Contract.Tests.OpenApi;

[assembly: AssemblyFixture(typeof(SpecFixture))]

namespace Rapport.Contract.Tests.OpenApi;

/// <summary>Loads the spec once for the whole test run (~0.5 s).</summary>
public sealed class SpecFixture : IAsyncLifetime
{
    private OpenApiContract? _contract;

    internal OpenApiContract Contract => _contract ?? throw new InvalidOperationException("The spec is not loaded yet.");

    public async ValueTask InitializeAsync() => _contract = await OpenApiContract.LoadAsync(TestContext.Current.CancellationToken);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
