namespace Rapport.Contract.Tests.OpenApi;

/// <summary>An operation of the spec: method and path template, e.g. <c>GET /companies/{company_id}</c>.</summary>
internal readonly record struct OperationKey(HttpMethod Method, string Template)
{
    public override string ToString() => $"{Method.Method.ToUpperInvariant()} {Template}";
}
