namespace Rapport.Contract.Tests.OpenApi;

internal enum ExchangeSide
{
    Request,
    Response,
}

/// <summary>
/// One way an exchange departs from the spec, e.g.
/// <c>response GET /contacts/{contact_id} 200 $.companies.data[0].id: expected string, got number</c>.
/// </summary>
internal sealed record ContractViolation(ExchangeSide Side, string Operation, string Where, string Message)
{
    public override string ToString() => $"{(Side == ExchangeSide.Request ? "request" : "response")} {Operation} {Where}: {Message}";
}
