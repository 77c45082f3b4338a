using OpenMash.Sharing;

namespace OpenMash.Web.Features.Checks;

public sealed record CheckItemInput(string? Text, ItemRestrictions Restrictions);
