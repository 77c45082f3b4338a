// The domain's records and code lists are used everywhere; the agency types and safeguarding threshold are the
// sharing policy's own lists: one enum each for the database, the pages and the policy engine.
global using OpenMash.Web.Auditing;
global using OpenMash.Web.Domain;
global using OpenMash.Web.Domain.Access;
global using OpenMash.Web.Domain.Api;
global using OpenMash.Web.Domain.Checks;
global using OpenMash.Web.Domain.Consent;
global using OpenMash.Web.Domain.Contacts;
global using OpenMash.Web.Domain.Decisions;
global using OpenMash.Web.Domain.Duplicates;
global using OpenMash.Web.Domain.Forms;
global using OpenMash.Web.Domain.Hubs;
global using OpenMash.Web.Domain.Messaging;
global using OpenMash.Web.Domain.People;
global using OpenMash.Web.Domain.Screening;
global using OpenMash.Web.Domain.Sharing;
global using OpenMash.Web.Domain.Users;
global using AgencyType = OpenMash.Sharing.AgencyType;
global using SafeguardingThreshold = OpenMash.Sharing.SafeguardingThreshold;
