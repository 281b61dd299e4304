using Rapport.Contract.Tests.OpenApi;

[assembly: AssemblyFixture(typeof(SpecFixture))]

namespace Rapport.Contract.Tests.OpenApi;

/// <summary>Loads the spec once for the whole test run (~0.5 s).</summary>
public sealed class SpecFixture : IAsyncLifetime
{
    private OpenApiContract? contract;

    internal OpenApiContract Contract => contract ?? throw new InvalidOperationException("The spec is not loaded yet.");

    public async ValueTask InitializeAsync() => contract = await OpenApiContract.LoadAsync(TestContext.Current.CancellationToken);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
