using Rapport.Intercom;

namespace Rapport.Web.Integration;

/// <summary>Why connecting failed, said the way a teammate can act on: what happened, and what to do.</summary>
internal sealed record ConnectProblem(string Title, string What, string ToDo, int Status)
{
    public string Detail => $"{What} {ToDo}";

    public static ConnectProblem From(IntercomException error, string tokenSource) => error switch
    {
        IntercomUnauthorizedException => new(
            "Intercom rejected the token",
            $"Intercom refused {tokenSource} (401 Unauthorized on GET /me).",
            "Check that you copied the whole access token (Developer Hub → your app → Configure → Authentication) and that the region matches your workspace: a token of an EU or AU workspace is refused by the US host.",
            StatusCodes.Status400BadRequest),
        IntercomUnreachableException unreachable => new(
            "Intercom could not be reached",
            $"Rapport could not reach Intercom at {unreachable.BaseAddress}.",
            "Check this server's network connection (DNS, proxy, firewall) and the chosen region, then try again.",
            StatusCodes.Status502BadGateway),
        IntercomApiException api => new(
            "Intercom answered with an error",
            $"Intercom answered {(int)api.StatusCode} ({api.ErrorMessage ?? api.ErrorCode ?? "no message"}).",
            "Try again in a minute; if it keeps failing, check Intercom's status page.",
            StatusCodes.Status502BadGateway),
        _ => new(
            "Intercom's answer was not understood",
            "Intercom's answer could not be read.",
            "Check that the region or URL points at Intercom's API, then try again.",
            StatusCodes.Status502BadGateway),
    };
}
