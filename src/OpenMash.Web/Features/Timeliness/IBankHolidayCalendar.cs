namespace OpenMash.Web.Features.Timeliness;

/// <summary>Says whether a calendar date is a bank holiday, on which the hub does not work.</summary>
public interface IBankHolidayCalendar
{
    bool IsBankHoliday(DateOnly date);
}
