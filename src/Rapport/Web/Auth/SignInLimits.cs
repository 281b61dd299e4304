using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Rapport.Web.Auth;

/// <summary>
/// ASP.NET Core's rate limiter on every request that tries a password (pages marked <see cref="PasswordAttemptAttribute"/>):
/// a fixed window per client address and account, chained with one per address, so one address can neither hammer one
/// account nor spray many. A refused attempt is a 429 with Retry-After; a browser sees Rapport's page saying to wait.
/// The client address is the connection's, or X-Forwarded-For from a trusted proxy only (see TrustedProxies).
/// </summary>
internal static class SignInLimits
{
    private const string NotAnAttempt = "";

    public static IServiceCollection AddRapportSignInLimits(this IServiceCollection services, SignInProtection protection) =>
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                PartitionedRateLimiter.Create<HttpContext, string>(context =>
                    Partition(context, protection.AttemptsPerAccountPerMinute, attempt => $"{attempt.Address} {attempt.Account}")),
                PartitionedRateLimiter.Create<HttpContext, string>(context =>
                    Partition(context, protection.AttemptsPerAddressPerMinute, attempt => attempt.Address)));
            options.OnRejected = RejectAsync;
        });

    /// <summary>Reads the form of a password attempt before the limiter runs: its partition (the email tried) is in it, and a partitioner cannot wait for I/O.</summary>
    public static IApplicationBuilder UseRapportSignInLimits(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (IsAttempt(context) && context.Request.HasFormContentType)
                await context.Request.ReadFormAsync(context.RequestAborted);
            await next(context);
        }).UseRateLimiter();

    private static RateLimitPartition<string> Partition(HttpContext context, int perMinute, Func<(string Address, string Account), string> key)
    {
        if (!IsAttempt(context))
            return RateLimitPartition.GetNoLimiter(NotAnAttempt);
        var attempt = (Security.ClientAddress.Of(context) ?? "unknown", Account(context));
        return RateLimitPartition.GetFixedWindowLimiter(key(attempt), _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = perMinute,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        });
    }

    private static bool IsAttempt(HttpContext context)
    {
        if (!HttpMethods.IsPost(context.Request.Method) || context.GetEndpoint()?.Metadata.GetMetadata<PasswordAttemptAttribute>() is not { } marked)
            return false;
        var handler = context.Request.Query["handler"].ToString() is { Length: > 0 } query ? query : context.GetRouteValue("handler") as string;
        return marked.Handler is null || string.Equals(marked.Handler, handler, StringComparison.OrdinalIgnoreCase);
    }

    // The email typed on the sign-in form, or the signed-in teammate's own when they change their password.
    private static string Account(HttpContext context) =>
        (context.Request.HasFormContentType && context.Request.Form.TryGetValue("email", out var typed)
            ? typed.ToString()
            : context.User.FindFirstValue(ClaimTypes.Email))?.Trim().ToLowerInvariant() ?? "";

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        if (rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
            context.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        // A browser gets the error page for 429 (re-executed with the nav), which says to wait; anyone else a line of text.
        if (!ErrorPages.IsBrowserPage(context.Request))
            await context.Response.WriteAsync("Too many attempts: wait a minute, then try again.", cancellationToken);
    }
}
