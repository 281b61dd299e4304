using System.Reflection;

namespace Rapport.Tests;

/// <summary>
/// The hub's storage is split by feature: one store interface per feature, in that feature's folder of Rapport.Hub, and
/// no store of everything. These rules keep it so, by reflection over the loaded assemblies.
/// </summary>
public sealed class StoreConventionSpecs
{
    private static readonly Assembly[] Source =
    [
        typeof(Rapport.Hub.Accounts.AccountId).Assembly,
        typeof(Rapport.Storage.StorageServiceCollectionExtensions).Assembly,
        typeof(Rapport.Intercom.IntercomClient).Assembly,
        typeof(Rapport.Application.IntercomSource).Assembly,
        typeof(Rapport.IntercomSimulator.IntercomSimulatorServer).Assembly,
        Assembly.Load("rapport"),
    ];

    /// <summary>
    /// Composition roots: the storage registration, the CLI commands (each opens the hub and composes what it runs) and
    /// the web host's composition. They may name any store.
    /// </summary>
    private static readonly string[] CompositionRoots =
    [
        "Rapport.Storage.StorageServiceCollectionExtensions",
        "Rapport.Web.RapportWebApp",
        "Rapport.Cli.",
    ];

    /// <summary>
    /// Pages and web endpoints are grouped by area of the app (Settings, Integration, Auth), not by feature: this table
    /// says whose page or endpoint each one is. An entry is a type's full name, or a namespace ending in a dot for every
    /// type in it. A type listed here belongs to that feature as well as to the one its namespace names.
    /// </summary>
    private static readonly (string Type, string Feature)[] FeatureOfPage =
    [
        ("Rapport.Pages.Settings.AuditModel", "Audit"),
        ("Rapport.Pages.Settings.DataQualityModel", "Duplicates"),
        ("Rapport.Pages.Settings.EventsModel", "Events"),
        ("Rapport.Pages.Settings.MetricsModel", "Model"),
        ("Rapport.Pages.Settings.Pages_Settings__RetiredDefinitions", "Model"),
        ("Rapport.Pages.Settings.PlaybooksModel", "Playbooks"),
        ("Rapport.Pages.Settings.TeammatesModel", "Team"),
        ("Rapport.Pages.Settings.Integrations.IntercomPushModel", "Push"),
        ("Rapport.Pages.Settings.Integrations.SegmentModel", "Segment"),
        ("Rapport.Pages.SignInModel", "Security"),
        ("Rapport.Pages.SignOutModel", "Security"),
        ("Rapport.Pages.Me.MeModel", "Security"),
        ("Rapport.Pages.Users.", "Accounts"),
        ("Rapport.Web.Auth.", "Security"),
        ("Rapport.Web.Keys.", "Security"),
        ("Rapport.Web.Integration.", "Sync"),
    ];

    /// <summary>
    /// References across features that still go straight to another feature's store, as "consumer → store". Each is
    /// debt: route it through a small service of the owning feature (or move the method to the consumer's store) and
    /// delete the line. The spec fails on a reference missing here, and on a line here that no longer holds.
    /// </summary>
    private static readonly string[] KnownCrossFeature =
    [
        "Rapport.Pages.Me.MeModel → ITeamStore",
        "Rapport.Pages.Settings.PlaybooksModel → ITeamStore",
        "Rapport.Pages.Settings.TeammatesModel → ISignInStore",
        "Rapport.Application.Check.PreEnableCheckRun → ISyncStateStore",
        "Rapport.Application.Conversations.AmbiguousEmails → ISyncStateStore",
        "Rapport.Application.Conversations.ConversationAttacher → ISyncStateStore",
        "Rapport.Application.Conversations.ConversationAudit → ISyncStateStore",
        "Rapport.Application.Conversations.ConversationImporter → IOutboundStore",
        "Rapport.Application.Conversations.ConversationImporter → ISyncStateStore",
        "Rapport.Application.Events.EventImport → ISyncStateStore",
        "Rapport.Application.Import.IntercomImporter → IConversationStore",
        "Rapport.Application.Import.IntercomImporter → IOutboundStore",
        "Rapport.Application.Import.IntercomImporter → ISourceStore",
        "Rapport.Application.Import.IntercomImporter → ISyncStateStore",
        "Rapport.Application.Import.IntercomSyncJob → ISyncStateStore",
        "Rapport.Application.Messaging.MessagingSeats → ITeamStore",
        "Rapport.Application.Messaging.OutboundQueue → IConversationStore",
        "Rapport.Application.Messaging.OutboundQueue → ITeamStore",
        "Rapport.Application.Messaging.OutboundSender → IBrowseStore",
        "Rapport.Application.Messaging.OutboundSender → IConversationStore",
        "Rapport.Application.Messaging.OutboundSender → IPlaybookStore",
        "Rapport.Application.Messaging.OutboundSender → ISyncStateStore",
        "Rapport.Application.Model.AccountModelService → IBrowseStore",
        "Rapport.Application.Model.AccountModelService → IPlaybookStore",
        "Rapport.Application.Model.AccountModelWorker → ISyncStateStore",
        "Rapport.Application.Playbooks.PlaybookEngine → IConversationStore",
        "Rapport.Application.Playbooks.PlaybookEngine → ITeamStore",
        "Rapport.Application.Playbooks.PlaybookMessage → ITeamStore",
        "Rapport.Application.Push.IntercomPush → IModelStore",
        "Rapport.Application.Push.IntercomPush → ISyncStateStore",
        "Rapport.Application.Push.IntercomPushJob → ISyncStateStore",
        "Rapport.Application.Push.PushSettings → ISyncStateStore",
        "Rapport.Application.Reconcile.ReconciliationSweep → IConversationStore",
        "Rapport.Application.Reconcile.ReconciliationSweep → IOutboundStore",
        "Rapport.Application.Reconcile.ReconciliationSweep → ISourceStore",
        "Rapport.Application.Reconcile.ReconciliationSweep → ISyncStateStore",
        "Rapport.Application.Segment.EventDedupSettings → ISyncStateStore",
        "Rapport.Application.Segment.SegmentApplier → IModelStore",
        "Rapport.Application.Segment.SegmentApplier → ISourceStore",
        "Rapport.Application.Segment.SegmentInboxWorker → IEventStore",
        "Rapport.Application.Segment.SegmentInboxWorker → ISyncStateStore",
        "Rapport.Application.Segment.SegmentWriteKey → ISyncStateStore",
        "Rapport.Application.Settings.IntercomIntegrationSettings → ISyncStateStore",
        "Rapport.Application.Webhooks.IntercomWebhookApplier → IConversationStore",
        "Rapport.Application.Webhooks.IntercomWebhookApplier → IEventStore",
        "Rapport.Application.Webhooks.IntercomWebhookApplier → IModelStore",
        "Rapport.Application.Webhooks.IntercomWebhookApplier → IOutboundStore",
        "Rapport.Application.Webhooks.IntercomWebhookApplier → ISourceStore",
        "Rapport.Application.Webhooks.IntercomWebhookApplier → ISyncStateStore",
        "Rapport.Application.Webhooks.WebhookInboxWorker → ISyncStateStore",
        "Rapport.Web.Auth.ApiTokenHandler → ITeamStore",
        "Rapport.Web.Auth.FirstAdmin → ITeamStore",
        "Rapport.Web.Auth.SignInGuard → ITeamStore",
        "Rapport.Web.Conversations.ConversationAuditRunner → ISyncStateStore",
        "Rapport.Web.Keys.HubKeyRing → ISyncStateStore",
        "Rapport.Web.Playbooks.PlaybookService → IEventStore",
        "Rapport.Web.Playbooks.PlaybookService → IModelStore",
        "Rapport.Web.Playbooks.PlaybookService → ITeamStore",
        "Rapport.Web.Segment.SegmentApi → IDuplicateStore",
        "Rapport.Web.Team.SessionsApi → ISignInStore",
    ];

    [Fact]
    public void There_is_no_store_of_everything()
    {
        var whole = Source.SelectMany(a => a.GetTypes()).Where(t => t.Name is "IHubStore" or "HubStore").Select(t => t.FullName);

        whole.ShouldBeEmpty();
    }

    [Fact]
    public void Each_store_interface_lives_in_its_feature_folder_of_the_hub()
    {
        var misplaced = StoreInterfaces()
            .Where(t => t.Namespace is not { } ns || !ns.StartsWith("Rapport.Hub.", StringComparison.Ordinal) || ns.Count(c => c == '.') != 2 || ns == "Rapport.Hub.Storage")
            .Select(t => t.FullName);

        misplaced.ShouldBeEmpty();
        StoreInterfaces().Count().ShouldBeGreaterThanOrEqualTo(10);
    }

    [Fact]
    public void A_store_is_used_only_by_its_own_feature_and_the_composition_roots()
    {
        var stores = StoreInterfaces().ToHashSet();
        var found = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var type in Source.SelectMany(a => a.GetTypes()))
        {
            var owner = Outermost(type);
            if (CompositionRoots.Any(root => owner.FullName!.StartsWith(root, StringComparison.Ordinal)))
                continue;
            foreach (var store in References(type).Where(stores.Contains))
            {
                if (!BelongsTo(owner, Feature(store)))
                    found.Add($"{owner.FullName} → {store.Name}");
            }
        }

        found.Except(KnownCrossFeature).ShouldBeEmpty("a store used outside its feature: go through the owning feature's service");
        KnownCrossFeature.Except(found).ShouldBeEmpty("these no longer reach across: delete them from the list");
    }

    private static IEnumerable<Type> StoreInterfaces() =>
        typeof(Rapport.Hub.Accounts.AccountId).Assembly.GetExportedTypes()
            .Where(t => t.IsInterface && t.Name.StartsWith('I') && t.Name.EndsWith("Store", StringComparison.Ordinal));

    /// <summary>The feature a store belongs to: the folder (last namespace part) it is declared in.</summary>
    private static string Feature(Type store) => store.Namespace![(store.Namespace!.LastIndexOf('.') + 1)..];

    /// <summary>
    /// Where a type lives, for matching a feature's name: its namespace; for a compiled Razor view, whose namespace is the
    /// compiler's, its page path too (<c>Pages_Settings_Integrations_Index</c>).
    /// </summary>
    private static string Area(Type type) =>
        type.Namespace == "AspNetCoreGeneratedDocument" ? $"{type.Namespace}.{type.Name}" : type.Namespace ?? "";

    /// <summary>
    /// Whether a type is part of a feature: its namespace (or compiled view's page path) names the feature's folder, or
    /// <see cref="FeatureOfPage"/> says it is that feature's page or endpoint.
    /// </summary>
    private static bool BelongsTo(Type type, string feature) =>
        Area(type).Contains(feature, StringComparison.Ordinal)
        || FeatureOfPage.Any(page => page.Feature == feature && (page.Type.EndsWith('.') ? type.FullName!.StartsWith(page.Type, StringComparison.Ordinal) : type.FullName == page.Type));

    private static Type Outermost(Type type)
    {
        while (type.DeclaringType is { } declaring)
            type = declaring;
        return type;
    }

    /// <summary>
    /// The types a type names in its signatures, fields and method locals (an async method's locals are its state
    /// machine's fields, a lambda's its closure's: both nested types, checked as their own).
    /// </summary>
    private static IEnumerable<Type> References(Type type)
    {
        const BindingFlags All = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        var named = new List<Type>();
        named.AddRange(type.GetFields(All).Select(f => f.FieldType));
        named.AddRange(type.GetProperties(All).Select(p => p.PropertyType));
        foreach (var method in type.GetMethods(All).Cast<MethodBase>().Concat(type.GetConstructors(All)))
        {
            named.AddRange(method.GetParameters().Select(p => p.ParameterType));
            if (method is MethodInfo info)
                named.Add(info.ReturnType);
            if (method.GetMethodBody() is { } body)
                named.AddRange(body.LocalVariables.Select(l => l.LocalType));
        }

        return named.SelectMany(Unwrap).Distinct();
    }

    private static IEnumerable<Type> Unwrap(Type type)
    {
        if (type.HasElementType)
            return Unwrap(type.GetElementType()!);
        return type.IsGenericType ? [type, .. type.GetGenericArguments().SelectMany(Unwrap)] : [type];
    }
}
