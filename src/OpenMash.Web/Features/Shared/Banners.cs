using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace OpenMash.Web.Features.Shared;

/// <summary>
/// The one way a page confirms that an action worked: the handler calls <c>this.Banner("Screening saved for contact
/// 000123")</c> before it redirects, and the layout shows that text once, in a GOV.UK success notification banner at
/// the top of the next page (<c>_Banner.cshtml</c>). The text is in people's words and names the record.
/// </summary>
public static class Banners
{
    /// <summary>The TempData key the layout reads the banner text from.</summary>
    public const string Key = "OpenMash.Banner";

    /// <summary>Shows <paramref name="text"/> in a success banner on the next page the user sees.</summary>
    public static void Banner(this PageModel page, string text) => page.TempData.Banner(text);

    /// <summary>Shows <paramref name="text"/> in a success banner on the next page the user sees.</summary>
    public static void Banner(this ITempDataDictionary tempData, string text) => tempData[Key] = text;

    /// <summary>Takes the banner text waiting for this page, if any (it is then gone).</summary>
    public static string? Take(ITempDataDictionary tempData) => tempData[Key] as string;
}
