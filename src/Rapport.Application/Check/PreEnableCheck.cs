using Rapport.Intercom;
using Rapport.Application.Import;

namespace Rapport.Application.Check;

/// <summary>Reads every company and contact once and reports what stands in the way of the import option.</summary>
public sealed class PreEnableCheck(IntercomClient intercom)
{
    public async Task<PreEnableReport> RunAsync(IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var companiesWithoutId = new List<MissingId>();
        var companies = 0;
        await foreach (var page in intercom.ScrollCompaniesAsync(cancellationToken).ConfigureAwait(false))
        {
            foreach (var company in page.Items)
            {
                if (string.IsNullOrWhiteSpace(company.CompanyId))
                    companiesWithoutId.Add(new MissingId(company.Id, company.Name, null));
            }
            companies += page.Items.Count;
            progress?.Report(new ImportProgress("companies", companies, page.TotalCount, intercom.Statistics.RequestsSent));
        }

        var usersWithoutId = new List<MissingId>();
        var contactsByEmail = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
        int users = 0, leads = 0, seen = 0;
        await foreach (var page in intercom.ListContactsAsync(cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            foreach (var contact in page.Items)
            {
                if (!string.IsNullOrWhiteSpace(contact.Email))
                {
                    if (!contactsByEmail.TryGetValue(contact.Email, out var ids))
                        contactsByEmail[contact.Email] = ids = [];
                    ids.Add(contact.Id);
                }
                if (contact.IsLead)
                {
                    leads++;
                    continue;
                }
                users++;
                if (string.IsNullOrWhiteSpace(contact.ExternalId))
                    usersWithoutId.Add(new MissingId(contact.Id, contact.Name, contact.Email));
            }
            seen += page.Items.Count;
            progress?.Report(new ImportProgress("contacts", seen, page.TotalCount, intercom.Statistics.RequestsSent));
        }

        var shared = contactsByEmail
            .Where(pair => pair.Value.Count > 1)
            .Select(pair => new SharedEmail(pair.Key, pair.Value))
            .OrderBy(s => s.Email, StringComparer.OrdinalIgnoreCase)
            .ToList();
        return new PreEnableReport(companies, companiesWithoutId, users, leads, usersWithoutId, shared);
    }
}
