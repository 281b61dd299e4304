namespace Rapport.Hub.Accounts;

public sealed record HubCounts(
    int ActiveAccounts, int InactiveAccounts, int ActiveUsers, int InactiveUsers, int Memberships, int MirroredContacts);
