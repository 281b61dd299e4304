namespace Rapport.Hub.Accounts;

/// <summary>Which records a list shows; active ones unless asked otherwise.</summary>
public enum StatusFilter
{
    Active,
    Inactive,
    All,
}
