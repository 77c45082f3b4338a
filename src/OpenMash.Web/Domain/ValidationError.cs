namespace OpenMash.Web.Domain;

public sealed record ValidationError(string Field, string Message);
