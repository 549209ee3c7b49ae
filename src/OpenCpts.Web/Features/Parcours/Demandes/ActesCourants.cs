using OpenCpts.Web.Infrastructure;

namespace OpenCpts.Web.Features.Parcours.Demandes;

/// <summary>
/// The acts every professional of a profession performs. A request for one of them goes to every matching member;
/// any other act ("PICC line", "plaies chroniques", "drainage lymphatique") is a specific skill that only members
/// who declared it in the directory receive.
/// </summary>
public static class ActesCourants
{
    private static readonly Dictionary<string, HashSet<string>> ParProfession = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["60"] = ["pansements", "injections", "toilette", "prise de sang", "prelevements", "surveillance", "perfusion", "pilulier", "distribution de medicaments", "soins d'hygiene", "sonde urinaire", "glycemie", "insuline", "bas de contention", "retrait de fils", "education therapeutique"],
        ["70"] = ["reeducation", "kinesitherapie", "kinesitherapie respiratoire", "reeducation a la marche", "massage", "reeducation post-operatoire", "drainage bronchique", "prevention des chutes"],
        ["21"] = ["dispensation", "livraison", "preparation des doses", "conciliation medicamenteuse", "materiel medical", "oxygene"],
        ["10"] = ["consultation", "visite a domicile", "renouvellement", "certificat"],
        ["40"] = ["soins dentaires", "consultation"],
        ["50"] = ["suivi de grossesse", "suivi post-natal", "reeducation perineale", "allaitement"],
        ["91"] = ["bilan orthophonique", "reeducation orthophonique", "deglutition"],
        ["96"] = ["bilan ergotherapique", "amenagement du domicile"],
        ["80"] = ["soins de pedicurie", "semelles", "soins du pied diabetique"],
        ["93"] = ["bilan orthoptique", "reeducation orthoptique"],
    }.ToDictionary(kv => kv.Key, kv => kv.Value.Select(TexteRecherche.Normaliser).ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);

    /// <summary>Suggestions for the form (labels as typed by users, accents included).</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Suggestions = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["60"] = ["pansements", "injections", "toilette", "prise de sang", "surveillance", "perfusion", "pilulier", "plaies chroniques", "PICC line"],
        ["70"] = ["rééducation", "kinésithérapie respiratoire", "rééducation à la marche", "drainage lymphatique"],
        ["21"] = ["dispensation", "livraison", "préparation des doses", "matériel médical"],
    };

    /// <summary>True when the act is one every professional of <paramref name="codeProfession"/> performs.</summary>
    public static bool EstCourant(string codeProfession, string acte) =>
        ParProfession.TryGetValue(codeProfession, out var actes) && actes.Contains(TexteRecherche.Normaliser(acte));

    /// <summary>True when one of the declared skills covers the act (either contains the other, accents and case ignored).</summary>
    public static bool EstCouvertPar(string acte, IEnumerable<string> competencesNormalisees)
    {
        var a = TexteRecherche.Normaliser(acte);
        return competencesNormalisees.Any(c => c.Contains(a, StringComparison.Ordinal) || a.Contains(c, StringComparison.Ordinal));
    }
}
