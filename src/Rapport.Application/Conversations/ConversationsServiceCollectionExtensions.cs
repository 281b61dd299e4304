using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Rapport.Application.Conversations;

public static class ConversationsServiceCollectionExtensions
{
    /// <summary>The conversations as other features read them.</summary>
    public static IServiceCollection AddRapportConversations(this IServiceCollection services)
    {
        services.TryAddSingleton<ConversationHistory>();
        return services;
    }
}
