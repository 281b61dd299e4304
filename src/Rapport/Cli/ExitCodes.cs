namespace Rapport.Cli;

internal static class ExitCodes
{
    public const int Ok = 0;
    public const int Error = 1;

    /// <summary>The pre-enable check found records without ids, so the import was refused (or <c>check</c> reports them).</summary>
    public const int CheckFailed = 2;

    public const int Cancelled = 130;
}
