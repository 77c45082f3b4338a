namespace OpenMash.Web.Domain.Contacts;

public enum ContactChannel
{
    Phone,
    Email,
    InPerson,
    Portal,
    AgencySystem,
}
