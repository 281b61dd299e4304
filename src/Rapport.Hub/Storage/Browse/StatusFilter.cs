namespace Rapport.Hub.Storage.Browse;

/// <summary>Which records a list shows; active ones unless asked otherwise.</summary>
public enum StatusFilter
{
    Active,
    Inactive,
    All,
}
