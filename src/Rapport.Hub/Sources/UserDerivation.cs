namespace Rapport.Hub.Sources;

/// <param name="Active">Users of this source active after the derivation.</param>
/// <param name="Created">Users created by this derivation.</param>
/// <param name="Updated">Users whose name, email or status changed.</param>
/// <param name="Deactivated">Users marked inactive (no imported company any more, or gone from the source).</param>
/// <param name="SkippedWithoutExternalId">Contacts in an imported company but without an external id: not imported.</param>
/// <param name="SkippedWithoutCompany">Mirrored contacts in no imported company: not imported.</param>
/// <param name="Memberships">Memberships of this source after the derivation.</param>
public sealed record UserDerivation(
    int Active, int Created, int Updated, int Deactivated, int SkippedWithoutExternalId, int SkippedWithoutCompany, int Memberships);
