namespace OpenMash.Web.Features.Dashboard;

public sealed record AgencyResponse(string Agency, int Answered, double? MedianWorkingHours, int Outstanding, int Overdue);
