using Microsoft.Extensions.DependencyInjection.Extensions;
using Rapport.Sync.Segment;

namespace Rapport.Web.Segment;

/// <summary>Segment ingest: the write key, the group-committing inbox appender and the worker that applies it.</summary>
internal static class SegmentSetup
{
    public static IServiceCollection AddRapportSegment(this IServiceCollection services)
    {
        services.TryAddSingleton<SegmentWriteKey>();
        services.TryAddSingleton<SegmentInboxAppender>();
        services.AddHostedService(provider => provider.GetRequiredService<SegmentInboxAppender>());
        services.AddHostedService<SegmentInboxWorker>();
        return services;
    }
}
