using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Rapport.Web.Audit;

internal static class AuditSetup
{
    public static IServiceCollection AddRapportAudit(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.TryAddSingleton<IAuditLog, AuditLog>();
        return services;
    }
}
