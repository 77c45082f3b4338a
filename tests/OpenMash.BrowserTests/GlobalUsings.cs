global using OpenMash.Web.Domain.Access;
global using OpenMash.Web.Domain.Checks;
global using OpenMash.Web.Domain.Consent;
global using OpenMash.Web.Domain.Contacts;
global using OpenMash.Web.Domain.Decisions;
global using OpenMash.Web.Domain.People;
global using OpenMash.Web.Domain.Screening;
global using OpenMash.Web.Tests.Features.Messaging;
global using SafeguardingThreshold = OpenMash.Sharing.SafeguardingThreshold;
