namespace Rapport.Intercom;

/// <summary>400 or 422: Intercom refused the request's content (e.g. <c>parameter_invalid</c>, <c>data_invalid</c>).</summary>
public sealed class IntercomValidationException(IntercomErrorDetails details) : IntercomApiException(details);
