using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.EntityFrameworkCore;
using OpenMash.Web.Data;
using OpenMash.Web.Features.Contacts;
using OpenMash.Web.Features.Shared;
using OpenMash.Web.Security;

namespace OpenMash.Web.Features.Api;

/// <summary>
/// POST /api/v1/contacts and GET /api/v1/contacts/{id} for agency systems. Every error is an RFC 9457 problem.
/// Every post carries an Idempotency-Key (400 without one), so that no retry, however it is sent, records a contact
/// twice: a retried post with the same key and the same body gets 201 again with the first contact (and the header
/// Idempotent-Replayed: true); the same key with another body gets 422.
/// </summary>
public static partial class ContactsEndpoints
{
    public const string IdempotencyHeader = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotent-Replayed";

    /// <summary>Four 10 MB attachments in base64 and the text around them.</summary>
    public const long MaxBodyBytes = 64L * 1024 * 1024;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
        Converters = { new NfcStringConverter() },
    };

    public static async Task<IResult> CreateAsync(HttpContext http, OpenMashDbContext db, ContactService contacts, TimeProvider time)
    {
        var ct = http.RequestAborted;
        var clientId = ApiPrincipal.ClientId(http.User);
        var agencyId = db.Actor.RequiredAgencyId;

        if (!http.Request.HasJsonContentType())
        {
            return Results.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Send the contact as application/json");
        }

        if (!http.Request.Headers.TryGetValue(IdempotencyHeader, out var keys) || keys.Count == 0)
        {
            return Validation(
                new() { [IdempotencyHeader] = ["Send an Idempotency-Key header with each new contact: a new key (like a UUID) for each contact, the same key when you retry it"] },
                "The Idempotency-Key header is missing");
        }

        var key = keys.Count == 1 ? keys[0] : null;
        if (key is null || !KeyPattern().IsMatch(key))
        {
            return Validation(new() { [IdempotencyHeader] = ["Send one Idempotency-Key of 1 to 200 visible ASCII characters, like a UUID"] }, "The Idempotency-Key header is not valid");
        }

        var body = await ReadBodyAsync(http.Request, ct);
        if (body is null)
        {
            return Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: $"The request body must be smaller than {MaxBodyBytes / 1024 / 1024} MB");
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(body));
        if (await FindRecordAsync(db, clientId, key, ct) is { } earlier)
        {
            return await ReplayAsync(db, earlier, hash, http, ct);
        }

        ApiContactRequest? request;
        try
        {
            request = JsonSerializer.Deserialize<ApiContactRequest>(body, Json);
        }
        catch (JsonException e)
        {
            var field = e.Path is null or "$" ? "$" : e.Path.TrimStart('$', '.');
            var message = UnmappedProperty().Match(e.Message) is { Success: true } m
                ? $"Unknown property '{m.Groups[1].Value}'"
                : "Not valid JSON here, or a value of the wrong type (dates are yyyy-MM-dd; true and false have no quotes)";
            return Validation(new() { [field] = [message] }, "The request body could not be read");
        }

        if (request is null)
        {
            return Validation(new() { ["$"] = ["Send the contact as a JSON object"] }, "The request body could not be read");
        }

        var (input, errors, fieldName) = ContactMapping.Map(request);
        ContactMapping.Merge(errors, ContactService.Validate(input, time.GetUtcNow().UtcDateTime), fieldName);
        if (errors.Count > 0)
        {
            return Validation(errors);
        }

        var source = new ContactSource(SourceAgencyId: agencyId);
        try
        {
            // The idempotency record is written in the contact's own transaction: both or neither are stored.
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            if (await FindRecordAsync(db, clientId, key, ct) is { } raced)
            {
                return await ReplayAsync(db, raced, hash, http, ct);
            }

            var (contact, problems) = await contacts.CreateAsync(input, source, ct);
            if (contact is null)
            {
                return ServiceErrors(problems, fieldName);
            }

            db.IdempotencyRecords.Add(new IdempotencyRecord
            {
                ClientId = clientId,
                Key = key,
                RequestHash = hash,
                ContactId = contact.Id,
                CreatedAtUtc = time.GetUtcNow().UtcDateTime,
            });
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return Created(contact);
        }
        catch (DbUpdateException)
        {
            // Two retries at once: the loser's contact was rolled back with its record; answer with the winner's.
            db.ChangeTracker.Clear();
            var winner = await FindRecordAsync(db, clientId, key, ct);
            if (winner is null)
            {
                throw;
            }

            return await ReplayAsync(db, winner, hash, http, ct);
        }
    }

    public static async Task<IResult> GetAsync(Guid id, HttpContext http, OpenMashDbContext db)
    {
        var ct = http.RequestAborted;
        var (contact, refused) = await OwnContactAsync(id, db, AuditActions.ViewContact, "Agency system status check", ct);
        if (contact is null)
        {
            return refused!;
        }

        var decision = contact.State == ContactState.Decided
            ? await db.Decisions.AsNoTracking().Where(d => d.ContactId == id && d.Status == DecisionStatus.Approved)
                .Select(d => new { d.Outcome, d.DecidedAtUtc }).FirstOrDefaultAsync(ct)
            : null;
        db.Audit(AuditActions.ViewContact, targetType: "Contact", targetId: id.ToString(), subjects: contact.AuditSubjects, purpose: "Agency system status check");
        await db.SaveChangesAsync(ct);
        return Results.Ok(new ApiContactStatus(
            contact.Id,
            contact.Reference,
            contact.State.ToString(),
            Utc(contact.ReceivedAtUtc),
            contact.DecidedAtUtc is { } decided ? Utc(decided) : null,
            decision?.Outcome.ToString(),
            decision?.Outcome.DisplayName()));
    }

    /// <summary>
    /// A contact this agency system sent, or a 404 problem with the refusal audited: an agency sees only its own
    /// submissions, and cannot tell another agency's contact from one that does not exist.
    /// </summary>
    public static async Task<(Contact? Contact, IResult? Refused)> OwnContactAsync(Guid id, OpenMashDbContext db, string action, string purpose, CancellationToken ct)
    {
        var contact = await db.Contacts.AsNoTracking().Include(c => c.Subjects).SingleOrDefaultAsync(c => c.Id == id, ct);
        if (contact is not null && contact.SourceAgencyId == db.Actor.AgencyId)
        {
            return (contact, null);
        }

        db.Audit(action, AuditOutcome.Refused, "Contact", id.ToString(), subjects: contact?.AuditSubjects,
            purpose: purpose, detail: contact is null ? "no such contact in this hub" : "sent by another agency");
        await db.SaveChangesAsync(ct);
        return (null, Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No contact with this id was sent by your agency"));
    }

    private static Task<IdempotencyRecord?> FindRecordAsync(OpenMashDbContext db, string clientId, string key, CancellationToken ct) =>
        db.IdempotencyRecords.AsNoTracking().SingleOrDefaultAsync(r => r.ClientId == clientId && r.Key == key, ct);

    private static async Task<IResult> ReplayAsync(OpenMashDbContext db, IdempotencyRecord record, string hash, HttpContext http, CancellationToken ct)
    {
        if (!CryptographicOperations.FixedTimeEquals(Convert.FromHexString(record.RequestHash), Convert.FromHexString(hash)))
        {
            return Results.Problem(
                statusCode: StatusCodes.Status422UnprocessableEntity,
                title: "This Idempotency-Key was already used with a different request body",
                detail: "Use a new key for a new contact; resend a retry byte for byte.");
        }

        var contact = await db.Contacts.AsNoTracking().SingleAsync(c => c.Id == record.ContactId, ct);
        http.Response.Headers[ReplayedHeader] = "true";
        return Created(contact);
    }

    private static IResult Created(Contact contact) =>
        Results.Created($"/api/v1/contacts/{contact.Id}", new ApiContactReceipt(contact.Id, contact.Reference, contact.State.ToString(), Utc(contact.ReceivedAtUtc)));

    private static IResult ServiceErrors(IReadOnlyList<ValidationError> problems, Func<string, string> fieldName)
    {
        var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        ContactMapping.Merge(errors, problems, fieldName);
        return Validation(errors);
    }

    private static IResult Validation(Dictionary<string, List<string>> errors, string title = "The contact was not stored: correct these problems and send it again") =>
        Results.ValidationProblem(errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal), title: title);

    private static DateTime Utc(DateTime value) => DateTime.SpecifyKind(value, DateTimeKind.Utc);

    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            return null;
        }

        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxBodyBytes;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
            {
                if (buffer.Length + read > MaxBodyBytes)
                {
                    return null;
                }

                buffer.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException)
        {
            return null;
        }

        return buffer.ToArray();
    }

    [GeneratedRegex(@"^[\x21-\x7E]{1,200}$")]
    private static partial Regex KeyPattern();

    [GeneratedRegex(@"The JSON property '([^']*)' could not be mapped")]
    private static partial Regex UnmappedProperty();
}
