namespace Rapport.Hub.Rules;

public enum GroupMode
{
    /// <summary>Every condition must match (<c>and</c>); an empty group matches everything.</summary>
    All,

    /// <summary>At least one condition must match (<c>or</c>); an empty group matches nothing.</summary>
    Any,
}
