using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Rapport.Application.Accounts;

public static class AccountsServiceCollectionExtensions
{
    /// <summary>The accounts and users as other features read them.</summary>
    public static IServiceCollection AddRapportAccounts(this IServiceCollection services)
    {
        services.TryAddSingleton<AccountDirectory>();
        return services;
    }
}
