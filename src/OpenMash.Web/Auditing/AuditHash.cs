using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace OpenMash.Web.Auditing;

/// <summary>The canonical hash of an audit row: every field, length-prefixed, then the previous row's hash.</summary>
public static class AuditHash
{
    public static DateTime Normalise(DateTime value)
    {
        var utc = DateTime.SpecifyKind(value, DateTimeKind.Utc);
        return new DateTime(utc.Ticks - (utc.Ticks % 10), DateTimeKind.Utc);
    }

    public static string Compute(AuditEntry e)
    {
        var text = new StringBuilder();
        Append(text, e.Sequence.ToString(CultureInfo.InvariantCulture));
        Append(text, Normalise(e.OccurredAtUtc).ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture));
        Append(text, e.UserId?.ToString());
        Append(text, e.UserName);
        Append(text, e.AgencyId?.ToString());
        Append(text, e.HubId?.ToString());
        Append(text, e.Role);
        Append(text, e.Action);
        Append(text, e.TargetType);
        Append(text, e.TargetId);
        Append(text, e.Subjects);
        Append(text, e.Purpose);
        Append(text, e.Outcome.ToString());
        Append(text, e.Detail);
        Append(text, e.PreviousHash);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    private static void Append(StringBuilder text, string? value)
    {
        if (value is null)
        {
            text.Append("-1:;");
            return;
        }

        text.Append(value.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(value).Append(';');
    }
}
