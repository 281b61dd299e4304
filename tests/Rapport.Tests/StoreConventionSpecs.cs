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
    /// References across features that still go straight to another feature's store, as "consumer → store", each with why
    /// it stays for now. Each is debt: route it through a small service of the owning feature (or move the method to the
    /// consumer's store) and delete the line. The spec fails on a reference missing here, and on a line here that no
    /// longer holds.
    /// </summary>
    private static readonly string[] KnownCrossFeature =
    [
        "Rapport.Pages.Me.MeModel → ITeamStore", // the Me page is Security's (sessions, password) and Team's (API tokens): no Team service yet
        "Rapport.Pages.Settings.PlaybooksModel → ITeamStore", // lists teammates as senders: no Team service to read teammates through yet
        "Rapport.Pages.Settings.TeammatesModel → ISignInStore", // ends a teammate's sessions: no Security service for sessions yet
        "Rapport.Application.Check.PreEnableCheckRun → ISyncStateStore", // the check's last run is kept in the shared sync state, as every feature's own keys are
        "Rapport.Application.Conversations.AmbiguousEmails → ISyncStateStore", // the conversation import's own key in the shared sync state
        "Rapport.Application.Conversations.ConversationAttacher → ISyncStateStore", // records ambiguous emails under the conversation import's own sync-state key
        "Rapport.Application.Conversations.ConversationAudit → ISyncStateStore", // hands the sync state to the attacher it runs
        "Rapport.Application.Conversations.ConversationImporter → IOutboundStore", // marks conversations Rapport started, which only the outbound log knows; specs build it from the stores
        "Rapport.Application.Conversations.ConversationImporter → ISyncStateStore", // its resumable run state and checkpoint live in the shared sync state
        "Rapport.Application.Events.EventImport → ISyncStateStore", // the event import's enabled-at key in the shared sync state
        "Rapport.Application.Import.IntercomImporter → IConversationStore", // the Intercom import writes the mirrored records of each feature it imports, under one checkpoint
        "Rapport.Application.Import.IntercomImporter → IOutboundStore", // the Intercom import writes the mirrored records of each feature it imports, under one checkpoint
        "Rapport.Application.Import.IntercomImporter → ISourceStore", // the Intercom import writes the mirrored records of each feature it imports, under one checkpoint
        "Rapport.Application.Import.IntercomImporter → ISyncStateStore", // its resumable run state lives in the shared sync state
        "Rapport.Application.Import.IntercomSyncJob → ISyncStateStore", // holds the sync's job lock and reads the enabled-at key
        "Rapport.Application.Messaging.MessagingSeats → ITeamStore", // a seat is a teammate's Intercom admin: no Team service to read teammates through yet
        "Rapport.Application.Messaging.OutboundQueue → IConversationStore", // a reply goes into a stored conversation: no Conversations service for the whole view yet
        "Rapport.Application.Messaging.OutboundQueue → ITeamStore", // the sender is a teammate: no Team service to read teammates through yet
        "Rapport.Application.Messaging.OutboundSender → IBrowseStore", // specs build it from the stores alone (HubStores.Create); AccountDirectory is not among them yet
        "Rapport.Application.Messaging.OutboundSender → IConversationStore", // records sent replies into the stored conversation
        "Rapport.Application.Messaging.OutboundSender → IPlaybookStore", // a playbook send's run is updated with its outcome
        "Rapport.Application.Messaging.OutboundSender → ISyncStateStore", // reads the Intercom settings; specs build it from the stores alone
        "Rapport.Application.Model.AccountModelService → IBrowseStore", // playbook triggers need the account's users; specs build it from the stores alone
        "Rapport.Application.Model.AccountModelService → IPlaybookStore", // queues the playbook runs an account's new state triggers
        "Rapport.Application.Model.AccountModelWorker → ISyncStateStore", // holds the recompute's job lock
        "Rapport.Application.Playbooks.PlaybookEngine → IConversationStore", // a playbook reply goes into a stored conversation
        "Rapport.Application.Playbooks.PlaybookEngine → ITeamStore", // the sender is a teammate: no Team service to read teammates through yet
        "Rapport.Application.Playbooks.PlaybookMessage → ITeamStore", // renders the sending teammate's name
        "Rapport.Application.Push.IntercomPush → IModelStore", // pushes the computed account states; specs build it from the stores alone
        "Rapport.Application.Push.IntercomPush → ISyncStateStore", // holds the push's job lock and keeps its report and settings in the shared sync state
        "Rapport.Application.Push.IntercomPushJob → ISyncStateStore", // holds the push's job lock and reads its schedule
        "Rapport.Application.Push.PushSettings → ISyncStateStore", // the push's own settings key in the shared sync state
        "Rapport.Application.Reconcile.ReconciliationSweep → IConversationStore", // the sweep repairs the mirrored records of each feature the import writes
        "Rapport.Application.Reconcile.ReconciliationSweep → IOutboundStore", // the sweep repairs the mirrored records of each feature the import writes
        "Rapport.Application.Reconcile.ReconciliationSweep → ISourceStore", // the sweep repairs the mirrored records of each feature the import writes
        "Rapport.Application.Reconcile.ReconciliationSweep → ISyncStateStore", // its last result and totals live in the shared sync state
        "Rapport.Application.Segment.EventDedupSettings → ISyncStateStore", // the de-duplication setting's own key in the shared sync state
        "Rapport.Application.Segment.SegmentApplier → IModelStore", // finds the accounts a Segment call reached, to recompute them; specs build it from the stores alone
        "Rapport.Application.Segment.SegmentApplier → ISourceStore", // Segment is a source: it writes its source records
        "Rapport.Application.Segment.SegmentInboxWorker → IEventStore", // folds cross-source duplicate events after each drain
        "Rapport.Application.Segment.SegmentInboxWorker → ISyncStateStore", // holds the inbox's job lock and reads the de-duplication setting
        "Rapport.Application.Segment.SegmentWriteKey → ISyncStateStore", // the write key's own key in the shared sync state
        "Rapport.Application.Settings.IntercomIntegrationSettings → ISyncStateStore", // the integration's own settings key in the shared sync state
        "Rapport.Application.Webhooks.IntercomWebhookApplier → IConversationStore", // a webhook changes the mirrored records of each feature the import writes
        "Rapport.Application.Webhooks.IntercomWebhookApplier → IEventStore", // a webhook changes the mirrored records of each feature the import writes
        "Rapport.Application.Webhooks.IntercomWebhookApplier → IModelStore", // finds the accounts a webhook reached, to recompute them
        "Rapport.Application.Webhooks.IntercomWebhookApplier → IOutboundStore", // a webhook changes the mirrored records of each feature the import writes
        "Rapport.Application.Webhooks.IntercomWebhookApplier → ISourceStore", // a webhook changes the mirrored records of each feature the import writes
        "Rapport.Application.Webhooks.IntercomWebhookApplier → ISyncStateStore", // reads the import's run state, to defer to a running import
        "Rapport.Application.Webhooks.WebhookInboxWorker → ISyncStateStore", // holds the inbox's job lock and reads the Intercom settings
        "Rapport.Web.Auth.ApiTokenHandler → ITeamStore", // API tokens are kept with teammates, in the Team store
        "Rapport.Web.Auth.FirstAdmin → ITeamStore", // creates the first teammate
        "Rapport.Web.Auth.SignInGuard → ITeamStore", // checks a teammate's credentials, kept in the Team store
        "Rapport.Web.Conversations.ConversationAuditRunner → ISyncStateStore", // composes the audit, whose attacher records into the sync state
        "Rapport.Web.Keys.HubKeyRing → ISyncStateStore", // a key rotation forgets the sealed Intercom connection kept in the sync state
        "Rapport.Web.Playbooks.PlaybookService → IEventStore", // offers the event names a playbook can trigger on
        "Rapport.Web.Playbooks.PlaybookService → IModelStore", // a preview walks the accounts' computed states
        "Rapport.Web.Playbooks.PlaybookService → ITeamStore", // renders the sending teammate's name
        "Rapport.Web.Segment.SegmentApi → IDuplicateStore", // the data-quality endpoints (duplicates, merges) are mapped with the Segment API
        "Rapport.Web.Team.SessionsApi → ISignInStore", // a teammate's sessions are Security's: no Security service for sessions yet
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
