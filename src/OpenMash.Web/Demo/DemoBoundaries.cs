using OpenMash.Sharing;
using OpenMash.Web.Data;

namespace OpenMash.Web.Demo;

/// <summary>
/// Demonstration agreements at the boundaries between partner agencies, and for the joint child exploitation task
/// group (whose demo member works for Staffordshire Police in the Staffordshire hub). In each hub: schools tell
/// police only that they know a child; health records are explicitly not shared with police; police share incidents
/// with health and, as in Operation Encompass, with schools. For the task group: each hub's social care says only
/// that it knows a child; Stoke-on-Trent police incidents are shared in full. Everything else is refused by default.
/// </summary>
public static class DemoBoundaries
{
    public static void AddAgreements(OpenMashDbContext db, Hub staffs, Hub stoke, DateTime from)
    {
        DataSharingAgreement Line(string name, AgreementEffect effect, AgencyType source, Hub sourceHub, AgencyType destination, Hub destinationHub,
            DataCategory category, SharingPurpose purpose, SharingMode mode) =>
            DataSharingAgreement.BetweenTypes(name, effect, source, sourceHub.Id, destination, destinationHub.Id, category, purpose, mode, from);

        const SharingPurpose screening = SharingPurpose.SafeguardingScreening;
        const SharingPurpose taskGroup = SharingPurpose.ChildExploitationTaskGroup;
        foreach (var hub in new[] { staffs, stoke })
        {
            db.DataSharingAgreements.AddRange(
                Line($"School attendance to police for screening: existence only ({hub.Code}, demo)", AgreementEffect.Allow, AgencyType.Education, hub, AgencyType.Police, hub, DataCategory.EducationAttendance, screening, SharingMode.Existence),
                Line($"Health records are not shared with police for screening ({hub.Code}, demo)", AgreementEffect.Deny, AgencyType.Health, hub, AgencyType.Police, hub, DataCategory.HealthRecords, screening, SharingMode.Existence),
                Line($"Screening: police incidents to health ({hub.Code}, demo)", AgreementEffect.Allow, AgencyType.Police, hub, AgencyType.Health, hub, DataCategory.PoliceIncidents, screening, SharingMode.Content),
                Line($"Operation Encompass: police incidents to schools for screening ({hub.Code}, demo)", AgreementEffect.Allow, AgencyType.Police, hub, AgencyType.Education, hub, DataCategory.PoliceIncidents, screening, SharingMode.Content),
                Line($"Subject access: school attendance may be released by social care ({hub.Code}, demo)", AgreementEffect.Allow, AgencyType.Education, hub, AgencyType.ChildrensSocialCare, hub, DataCategory.EducationAttendance, SharingPurpose.SubjectAccess, SharingMode.Content),
                Line($"Exploitation task group: known to social care ({hub.Code}, demo)", AgreementEffect.Allow, AgencyType.ChildrensSocialCare, hub, AgencyType.Police, staffs, DataCategory.SocialCareHistory, taskGroup, SharingMode.Existence));
        }

        db.DataSharingAgreements.Add(
            Line("Exploitation task group: Stoke-on-Trent police incidents (demo)", AgreementEffect.Allow, AgencyType.Police, stoke, AgencyType.Police, staffs, DataCategory.PoliceIncidents, taskGroup, SharingMode.Content));
    }
}
