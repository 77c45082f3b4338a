namespace OpenMash.Web.Domain.Contacts;

/// <summary>The RAG rating given to a contact, which sets how soon partner checks and the decision are due.</summary>
public enum RagRating
{
    /// <summary>Most urgent: by default the decision is due within 4 working hours.</summary>
    Red,

    /// <summary>By default the decision is due within 1 working day.</summary>
    Amber,

    /// <summary>By default the decision is due within 3 working days.</summary>
    Green,
}
