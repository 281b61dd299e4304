namespace Rapport.IntercomSimulator;

public sealed partial class SimulatorWorkspace
{
    /// <summary>Deletes the company and detaches its contacts (DELETE /companies/{id}).</summary>
    public bool RemoveCompany(string id)
    {
        lock (Sync)
        {
            if (!_companiesById.Remove(id, out var company)) { return false; }
            using var batch = BeginChanges();
            _companies.Remove(company);
            if (company.CompanyId is { } cid) { _companiesByCompanyId.Remove(cid); }
            foreach (var contactId in company.ContactIdList)
            {
                var contact = _contactsById[contactId];
                contact.CompanyIdList.Remove(id);
                contact.UpdatedAt = Now;
            }

            Record(WorkspaceChangeKind.CompanyDeleted, id);
            return true;
        }
    }

    /// <summary>Deletes the contact and detaches it from its companies (DELETE /contacts/{id}).</summary>
    public bool RemoveContact(string id)
    {
        lock (Sync)
        {
            if (!_contactsById.Remove(id, out var contact)) { return false; }
            using var batch = BeginChanges();
            _contacts.Remove(contact);
            foreach (var companyId in contact.CompanyIdList)
            {
                if (_companiesById.GetValueOrDefault(companyId) is { } company)
                {
                    company.ContactIdList.Remove(id);
                    company.UpdatedAt = Now;
                }
            }

            Record(WorkspaceChangeKind.ContactDeleted, id);
            return true;
        }
    }
}
