namespace Rapport.Web.Retention;

/// <summary>What keeps the hub's database from growing without bound: the inbox retention pass.</summary>
internal static class RetentionSetup
{
    public static IServiceCollection AddRapportRetention(this IServiceCollection services)
    {
        services.AddHostedService<InboxRetentionWorker>();
        return services;
    }
}
