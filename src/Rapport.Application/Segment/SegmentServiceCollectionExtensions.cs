using Rapport.Hub.Model;
using Rapport.Hub.Segment;
using Rapport.Hub.Sources;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Rapport.Application.Model;

namespace Rapport.Application.Segment;

public static class SegmentServiceCollectionExtensions
{
    /// <summary>Segment ingest: the write key, the group-committing inbox appender and the worker that applies the inbox in order.</summary>
    public static IServiceCollection AddRapportSegment(this IServiceCollection services)
    {
        services.AddOptions<SegmentInboxOptions>();
        services.TryAddSingleton<SegmentWriteKey>();
        services.TryAddSingleton<SegmentInboxAppender>();
        services.AddHostedService(provider => provider.GetRequiredService<SegmentInboxAppender>());
        services.TryAddSingleton(provider => new SegmentApplier(
            provider.GetRequiredService<IModelStore>(), provider.GetRequiredService<ISegmentStore>(), provider.GetRequiredService<ISourceStore>(),
            provider.GetRequiredService<TimeProvider>())
        {
            Model = provider.GetRequiredService<AccountModelService>(),
        });
        services.TryAddSingleton(provider => new SegmentInboxDrain(
            provider.GetRequiredService<ISegmentStore>(), provider.GetRequiredService<SegmentApplier>(), provider.GetRequiredService<TimeProvider>())
        {
            FirstRetry = provider.GetRequiredService<IOptions<SegmentInboxOptions>>().Value.FirstRetry,
        });
        services.AddHostedService<SegmentInboxWorker>();
        return services;
    }
}
