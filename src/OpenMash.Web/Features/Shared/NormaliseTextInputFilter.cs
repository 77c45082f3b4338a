using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Primitives;

namespace OpenMash.Web.Features.Shared;

/// <summary>
/// Every page's form and query values in Unicode normal form C before model binding or a page reads
/// <c>Request.Form</c>, so that every input is stored in one spelling without each field asking (<see cref="TextRules"/>).
/// </summary>
public sealed class NormaliseTextInputFilter : IAsyncResourceFilter
{
    public async Task OnResourceExecutionAsync(ResourceExecutingContext context, ResourceExecutionDelegate next)
    {
        var request = context.HttpContext.Request;
        if (request.Query.Any(q => NeedsNormalising(q.Value)))
        {
            request.Query = new QueryCollection(request.Query.ToDictionary(q => q.Key, q => Normalise(q.Value), StringComparer.OrdinalIgnoreCase));
        }

        if (request.HasFormContentType)
        {
            IFormCollection? form = null;
            try
            {
                form = await request.ReadFormAsync(context.HttpContext.RequestAborted);
            }
            catch (Exception e) when (e is InvalidDataException or BadHttpRequestException or IOException)
            {
                // A form that cannot be read is refused further on, as before.
            }

            if (form is not null && form.Any(f => NeedsNormalising(f.Value)))
            {
                request.Form = new FormCollection(form.ToDictionary(f => f.Key, f => Normalise(f.Value), StringComparer.OrdinalIgnoreCase), form.Files);
            }
        }

        await next();
    }

    private static bool NeedsNormalising(StringValues values) => values.Any(v => v is not null && TextRules.Normalise(v) != v);

    private static StringValues Normalise(StringValues values) => new(values.Select(v => v is null ? null : TextRules.Normalise(v)).ToArray());
}
