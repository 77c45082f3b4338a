using System.Security.Claims;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using OpenMash.Web.Data;

namespace OpenMash.Web.Features.Shared.Forms;

/// <summary>
/// Every page form is handled once. A post carrying a form token (<see cref="FormTokenTagHelper"/>) first claims the
/// token in the database (a unique key, committed before the handler runs); a second post with the same token (a
/// double click, a browser resending, two tabs) does not run the handler again: it waits for the first to finish and
/// is sent where the first was sent (its result), or, if the first is still running, to a page that says so. A
/// submission that does not end in a redirect (a form with errors, a refusal) releases its token, so the corrected
/// form can be sent. Claims are kept a day.
/// </summary>
public sealed partial class SubmitOnceMiddleware(RequestDelegate next, IServiceScopeFactory scopes, TimeProvider time, ILogger<SubmitOnceMiddleware> log)
{
    public const string InProgressPath = "/Submitted";

    /// <summary>How long a repeat waits for the first submission to finish before it is told the form is being sent.</summary>
    public static readonly TimeSpan WaitForFirst = TimeSpan.FromSeconds(15);

    private static readonly TimeSpan KeptFor = TimeSpan.FromDays(1);

    /// <summary>Old claims are cleared at most this often, not on every post.</summary>
    private static readonly TimeSpan PruneEvery = TimeSpan.FromMinutes(10);

    private long _prunedAtTicks;

    public async Task InvokeAsync(HttpContext http)
    {
        if (!HttpMethods.IsPost(http.Request.Method) || !http.Request.HasFormContentType || Startup.IsApi(http.Request))
        {
            await next(http);
            return;
        }

        IFormCollection form;
        try
        {
            form = await http.Request.ReadFormAsync(http.RequestAborted);
        }
        catch (InvalidDataException)
        {
            // A form the server cannot read (a NUL in a field, say) is refused as a bad request; nothing runs or is saved.
            http.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        var token = form[FormTokenTagHelper.FieldName].ToString();
        if (token.Length == 0)
        {
            await next(http);
            return;
        }

        if (!TokenPattern().IsMatch(token))
        {
            http.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        var sentBy = http.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "anonymous";
        var deadline = time.GetUtcNow() + WaitForFirst;
        while (!await ClaimAsync(token, sentBy, http.Request.Path, http.RequestAborted))
        {
            var first = await UseAsync(db => db.FormSubmissions.AsNoTracking().SingleOrDefaultAsync(s => s.Token == token, http.RequestAborted));
            if (first is null)
            {
                // The first copy ended without a redirect (a form with errors) and released the token: this one runs.
                continue;
            }

            if (first.SentBy != sentBy)
            {
                http.Response.StatusCode = StatusCodes.Status400BadRequest;
                return;
            }

            if (first.ResultLocation is { } location)
            {
                RepeatAnswered(log, first.Path);
                http.Response.Redirect(location);
                return;
            }

            if (time.GetUtcNow() > deadline)
            {
                http.Response.Redirect($"{InProgressPath}?from={Uri.EscapeDataString(first.Path)}");
                return;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200), http.RequestAborted);
        }

        var completed = false;
        try
        {
            await next(http);
            var location = http.Response.Headers.Location.ToString();
            if (http.Response.StatusCode is >= 300 and < 400 && location.Length > 0)
            {
                await UseAsync(db => db.FormSubmissions.Where(s => s.Token == token)
                    .ExecuteUpdateAsync(s => s.SetProperty(x => x.CompletedAtUtc, time.GetUtcNow().UtcDateTime).SetProperty(x => x.ResultLocation, location), CancellationToken.None));
                completed = true;
            }
        }
        finally
        {
            if (!completed)
            {
                await UseAsync(db => db.FormSubmissions.Where(s => s.Token == token).ExecuteDeleteAsync(CancellationToken.None));
            }
        }
    }

    /// <summary>Inserts the claim; false when the token is already claimed (by this submission's first copy).</summary>
    private async Task<bool> ClaimAsync(string token, string sentBy, string path, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OpenMashDbContext>();
        var now = time.GetUtcNow().UtcDateTime;
        var pruned = Interlocked.Read(ref _prunedAtTicks);
        if (now.Ticks - pruned > PruneEvery.Ticks && Interlocked.CompareExchange(ref _prunedAtTicks, now.Ticks, pruned) == pruned)
        {
            await db.FormSubmissions.Where(s => s.ClaimedAtUtc < now - KeptFor).ExecuteDeleteAsync(ct);
        }

        db.FormSubmissions.Add(new FormSubmission { Token = token, SentBy = sentBy, Path = path.Length <= 400 ? path : path[..400], ClaimedAtUtc = now });
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            return false;
        }
    }

    private async Task<T> UseAsync<T>(Func<OpenMashDbContext, Task<T>> work)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<OpenMashDbContext>());
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "A repeated submission of a form to {Path} was sent to the first one's result")]
    private static partial void RepeatAnswered(ILogger logger, string path);

    [GeneratedRegex("^[0-9a-f]{32}$")]
    private static partial Regex TokenPattern();
}
