namespace OpenMash.Web.Domain.People;

/// <summary>Sex as recorded in the children in need census from 2024-25; unborn children are U.</summary>
public enum Sex
{
    M,
    F,
    U,
}
