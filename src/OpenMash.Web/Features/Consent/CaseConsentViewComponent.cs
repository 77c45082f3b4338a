using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using OpenMash.Web.Data;

namespace OpenMash.Web.Features.Consent;

/// <summary>The consent, override and sharing-decision section of the screening case page.</summary>
public sealed class CaseConsentViewComponent(OpenMashDbContext db, ConsentService consent, TimeProvider time, IAuthorizationService authorization) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Guid contactId)
    {
        var contact = await db.Contacts.AsNoTracking().Include(c => c.Subjects).SingleAsync(c => c.Id == contactId);
        var people = contact.Subjects.Select(s => s.PersonId).ToList();
        var names = await db.Persons.Where(p => people.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.GivenNames + " " + p.FamilyName);
        var consents = (await db.Consents.AsNoTracking().Where(c => people.Contains(c.PersonId)).ToListAsync()).OrderByDescending(c => c.RecordedAtUtc).ToList();
        var overrides = (await db.ConsentOverrides.AsNoTracking().Where(o => o.ContactId == contactId).ToListAsync()).OrderByDescending(o => o.RequestedAtUtc).ToList();
        var decisions = (await db.SharingDecisions.AsNoTracking().Where(d => d.ContactId == contactId).ToListAsync()).OrderByDescending(d => d.DecidedAtUtc).ToList();
        var screening = await db.Screenings.AsNoTracking().SingleOrDefaultAsync(s => s.ContactId == contactId);
        IReadOnlyList<AgencyGate> gates = [];
        if (screening is not null && contact.State != ContactState.Decided)
        {
            var asked = await db.Checks.Where(c => c.ContactId == contactId).Select(c => c.AgencyId).ToListAsync();
            var agencies = await db.RequestableAgencies().Where(a => !asked.Contains(a.Id)).OrderBy(a => a.Name).ToListAsync();
            gates = await consent.GateAsync(contact, screening, agencies, OpenMash.Sharing.SharingPurpose.SafeguardingScreening);
        }

        db.Audit(AuditActions.ViewConsent, targetType: "Contact", targetId: contactId.ToString(), subjects: people, purpose: "Screening", detail: $"{consents.Count} consent records, {decisions.Count} sharing decisions");
        await db.SaveChangesAsync();
        var mayOverride = (await authorization.AuthorizeAsync(HttpContext.User, Security.Policies.ConsentOverride)).Succeeded;
        var isManager = (await authorization.AuthorizeAsync(HttpContext.User, Security.Policies.Manager)).Succeeded;
        return View("/Features/Consent/_CaseConsent.cshtml", new CaseConsentView(
            contactId, contact.State == ContactState.Decided, contact.FamilyConsented, contact.NoConsentReason, names, consents, overrides, decisions, gates,
            screening is not null && !screening.AllowsSharingWithoutConsent,
            mayOverride, isManager, time.GetUtcNow().UtcDateTime,
            await db.Agencies.ToDictionaryAsync(a => a.Id, a => a.Name)));
    }
}
