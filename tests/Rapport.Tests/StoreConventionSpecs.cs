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
    /// References across features that still go straight to another feature's store, as "consumer → store". Each is
    /// debt: route it through a small service of the owning feature (or move the method to the consumer's store) and
    /// delete the line. The spec fails on a reference missing here, and on a line here that no longer holds.
    /// </summary>
    private static readonly string[] KnownCrossFeature =
    [
        "Rapport.Pages.Accounts.AccountModel → IConversationStore",
        "Rapport.Pages.Accounts.AccountModel → IEventStore",
        "Rapport.Pages.Accounts.AccountModel → IModelStore",
        "Rapport.Pages.Accounts.AccountModel → ISourceStore",
        "Rapport.Pages.Accounts.AccountsModel → IModelStore",
        "Rapport.Pages.Conversations.ConversationModel → IBrowseStore",
        "Rapport.Pages.Conversations.ConversationsModel → ISyncStateStore",
        "Rapport.Pages.Events.Pages_Events__CrossSourceEvents → ISyncStateStore",
        "Rapport.Pages.IndexModel → IBrowseStore",
        "Rapport.Pages.Me.MeModel → ISignInStore",
        "Rapport.Pages.Me.MeModel → ITeamStore",
        "Rapport.Pages.Messaging.MessageModel → IBrowseStore",
        "Rapport.Pages.Settings.AuditModel → IAuditStore",
        "Rapport.Pages.Settings.DataQualityModel → IDuplicateStore",
        "Rapport.Pages.Settings.DataQualityModel → ISourceStore",
        "Rapport.Pages.Settings.EventsModel → IEventStore",
        "Rapport.Pages.Settings.EventsModel → ISyncStateStore",
        "Rapport.Pages.Settings.Integrations.IntercomPushModel → ISyncStateStore",
        "Rapport.Pages.Settings.Integrations.Pages_Settings_Integrations_Index → IWebhookInboxStore",
        "Rapport.Pages.Settings.Integrations.SegmentModel → ISegmentStore",
        "Rapport.Pages.Settings.Integrations.SegmentModel → ISyncStateStore",
        "Rapport.Pages.Settings.Pages_Settings_Index → IRetentionStore",
        "Rapport.Pages.Settings.Pages_Settings__RetiredDefinitions → IModelStore",
        "Rapport.Pages.Settings.PlaybooksModel → IBrowseStore",
        "Rapport.Pages.Settings.PlaybooksModel → IPlaybookStore",
        "Rapport.Pages.Settings.PlaybooksModel → ITeamStore",
        "Rapport.Pages.Settings.TeammatesModel → ISignInStore",
        "Rapport.Pages.Settings.TeammatesModel → ITeamStore",
        "Rapport.Pages.SignInModel → ISignInStore",
        "Rapport.Pages.SignOutModel → ISignInStore",
        "Rapport.Pages.Users.UserModel → IBrowseStore",
        "Rapport.Pages.Users.UserModel → IConversationStore",
        "Rapport.Pages.Users.UserModel → IEventStore",
        "Rapport.Pages.Users.UsersModel → IBrowseStore",
        "Rapport.Application.Conversations.ConversationImporter → IOutboundStore",
        "Rapport.Application.Import.IntercomImporter → IConversationStore",
        "Rapport.Application.Import.IntercomImporter → IOutboundStore",
        "Rapport.Application.Import.IntercomImporter → ISourceStore",
        "Rapport.Application.Messaging.OutboundSender → IBrowseStore",
        "Rapport.Application.Messaging.OutboundSender → IConversationStore",
        "Rapport.Application.Messaging.OutboundSender → IPlaybookStore",
        "Rapport.Application.Model.AccountModelService → IBrowseStore",
        "Rapport.Application.Model.AccountModelService → IPlaybookStore",
        "Rapport.Application.Push.IntercomPush → IModelStore",
        "Rapport.Application.Reconcile.ReconciliationSweep → IConversationStore",
        "Rapport.Application.Reconcile.ReconciliationSweep → IOutboundStore",
        "Rapport.Application.Reconcile.ReconciliationSweep → ISourceStore",
        "Rapport.Application.Segment.SegmentApplier → IModelStore",
        "Rapport.Application.Segment.SegmentApplier → ISourceStore",
        "Rapport.Application.Webhooks.IntercomWebhookApplier → IConversationStore",
        "Rapport.Application.Webhooks.IntercomWebhookApplier → IEventStore",
        "Rapport.Application.Webhooks.IntercomWebhookApplier → IModelStore",
        "Rapport.Application.Webhooks.IntercomWebhookApplier → IOutboundStore",
        "Rapport.Application.Webhooks.IntercomWebhookApplier → ISourceStore",
        "Rapport.Web.Accounts.AccountsApi → ISourceStore",
        "Rapport.Web.Auth.ApiTokenHandler → ITeamStore",
        "Rapport.Web.Auth.AuthSetup → ISignInStore",
        "Rapport.Web.Auth.FirstAdmin → ITeamStore",
        "Rapport.Web.Auth.Sessions → ISignInStore",
        "Rapport.Web.Auth.SignInGuard → ISignInStore",
        "Rapport.Web.Auth.SignInGuard → ITeamStore",
        "Rapport.Web.Conversations.ConversationAuditRunner → ISyncStateStore",
        "Rapport.Web.Conversations.ConversationsApi → IBrowseStore",
        "Rapport.Web.Conversations.ConversationsApi → ISyncStateStore",
        "Rapport.Web.Events.AccountTimeline → IConversationStore",
        "Rapport.Web.Events.EventsApi → IBrowseStore",
        "Rapport.Web.Events.EventsApi → IConversationStore",
        "Rapport.Web.Integration.IntercomCheck → ISyncStateStore",
        "Rapport.Web.Integration.IntercomConnections → ISyncStateStore",
        "Rapport.Web.Integration.IntercomIntegration → IBrowseStore",
        "Rapport.Web.Integration.IntercomIntegration → ISyncStateStore",
        "Rapport.Web.Integration.IntercomSyncHealth → ISyncStateStore",
        "Rapport.Web.Integration.IntercomSyncHealth → IWebhookInboxStore",
        "Rapport.Web.Integration.IntercomSyncJob → IConversationStore",
        "Rapport.Web.Integration.IntercomSyncJob → IOutboundStore",
        "Rapport.Web.Integration.IntercomSyncJob → ISourceStore",
        "Rapport.Web.Integration.IntercomSyncJob → ISyncStateStore",
        "Rapport.Web.Keys.HubKeyRing → IKeyRingStore",
        "Rapport.Web.Keys.HubKeyRing → ISyncStateStore",
        "Rapport.Web.Keys.HubXmlRepository → IKeyRingStore",
        "Rapport.Web.Messaging.MessagingApi → IBrowseStore",
        "Rapport.Web.Messaging.MessagingSeats → ITeamStore",
        "Rapport.Web.Messaging.OutboundQueue → IBrowseStore",
        "Rapport.Web.Messaging.OutboundQueue → IConversationStore",
        "Rapport.Web.Messaging.OutboundQueue → ITeamStore",
        "Rapport.Web.Model.AccountModelWorker → ISyncStateStore",
        "Rapport.Web.Model.ModelApi → IBrowseStore",
        "Rapport.Web.Model.ModelHistoryApi → IBrowseStore",
        "Rapport.Web.Model.OverridesApi → IBrowseStore",
        "Rapport.Web.Playbooks.PlaybookEngine → IBrowseStore",
        "Rapport.Web.Playbooks.PlaybookEngine → IConversationStore",
        "Rapport.Web.Playbooks.PlaybookService → IBrowseStore",
        "Rapport.Web.Playbooks.PlaybookService → IEventStore",
        "Rapport.Web.Playbooks.PlaybookService → IModelStore",
        "Rapport.Web.Playbooks.PlaybookService → ITeamStore",
        "Rapport.Web.Playbooks.PreviewRecipients → IBrowseStore",
        "Rapport.Web.Push.IntercomPushJob → ISyncStateStore",
        "Rapport.Web.Push.PushApi → ISyncStateStore",
        "Rapport.Web.Push.PushSettingsInput → ISyncStateStore",
        "Rapport.Web.Push.PushStatusDto → ISyncStateStore",
        "Rapport.Web.Segment.SegmentApi → IDuplicateStore",
        "Rapport.Web.Segment.SegmentApi → ISourceStore",
        "Rapport.Web.Segment.SegmentApi → ISyncStateStore",
        "Rapport.Web.Segment.SegmentInboxWorker → IEventStore",
        "Rapport.Web.Segment.SegmentInboxWorker → IModelStore",
        "Rapport.Web.Segment.SegmentInboxWorker → ISourceStore",
        "Rapport.Web.Segment.SegmentInboxWorker → ISyncStateStore",
        "Rapport.Web.Team.SessionsApi → ISignInStore",
        "Rapport.Web.Webhooks.WebhookInboxWorker → IConversationStore",
        "Rapport.Web.Webhooks.WebhookInboxWorker → IEventStore",
        "Rapport.Web.Webhooks.WebhookInboxWorker → IModelStore",
        "Rapport.Web.Webhooks.WebhookInboxWorker → IOutboundStore",
        "Rapport.Web.Webhooks.WebhookInboxWorker → ISourceStore",
        "Rapport.Web.Webhooks.WebhookInboxWorker → ISyncStateStore",
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
            var area = Area(owner);
            if (CompositionRoots.Any(root => owner.FullName!.StartsWith(root, StringComparison.Ordinal)))
                continue;
            foreach (var store in References(type).Where(stores.Contains))
            {
                if (!area.Contains(Feature(store), StringComparison.Ordinal))
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
