using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OpenCpts.Tests.Features.Parcours.Demandes;
using OpenCpts.Tests.Features.Parcours.Sorties;
using OpenCpts.Tests.Infrastructure;
using OpenCpts.Web.Features.Comptes;
using OpenCpts.Web.Features.Parcours.Demandes;
using OpenCpts.Web.Features.Parcours.Equipe;

namespace OpenCpts.Tests.Features.Parcours.Acces;

/// <summary>
/// Every Parcours route that takes the id of a patient, plan, care request or attachment answers a member outside the
/// team exactly as it answers an unknown id: same status, same body shape, nothing of the patient, and the refusal
/// is audited with the patient's id.
/// </summary>
public class AccesObjetsTests
{
    internal const string Marqueur = "MARQUEURSECRET";
    private const long Inconnu = 987_654;

    /// <summary>A plan of the hospital for a patient named <see cref="Marqueur"/>, a care request on it sent to the nurse, and a consented thread with an attachment.</summary>
    internal sealed record Objets(long Patient, long Plan, long Demande, long Piece);

    internal static async Task<Objets> CreerAsync(SceneParcours s)
    {
        var (plan, patient) = await s.OuvrirPlanAsync(SceneParcours.Jour(new DateOnly(2026, 11, 27)), nom: Marqueur, prenom: "Ondine");
        var hopital = await s.ClientApiAsync(Roles.Etablissement, u => u.StructureId = s.Hopital);
        var demande = await hopital.PosterAsync(new
        {
            profession = "60",
            actes = new[] { "pansements" },
            communeInsee = "18033",
            debut = "2026-11-27",
            planSortieId = plan,
        });
        var piece = await s.App.AvecDbAsync(async db =>
        {
            await db.PatientsParcours.Where(p => p.Id == patient).ExecuteUpdateAsync(x => x.SetProperty(p => p.ConsentementLeUtc, s.App.Horloge.GetUtcNow().UtcDateTime));
            var message = new MessageEquipe { PatientParcoursId = patient, Auteur = "Cadre", Texte = Marqueur + " : compte rendu", EnvoyeLeUtc = s.App.Horloge.GetUtcNow().UtcDateTime };
            message.PiecesJointes.Add(new PieceJointe { NomFichier = Marqueur + ".pdf", TypeContenu = "application/pdf", Taille = 8, Contenu = "%PDF-1.4"u8.ToArray() });
            db.MessagesEquipe.Add(message);
            await db.SaveChangesAsync();
            return message.PiecesJointes[0].Id;
        });
        return new Objets(patient, plan, demande, piece);
    }

    private sealed record Route(string Nom, HttpMethod Methode, Func<Objets, bool, string> Url, bool Api, bool Formulaire = false);

    private static string Id(Objets o, bool connu, Func<Objets, long> id) => (connu ? id(o) : Inconnu).ToString(CultureInfo.InvariantCulture);

    private static readonly Route[] Routes =
    [
        new("dossier patient", HttpMethod.Get, (o, c) => $"/parcours/patients/{Id(o, c, x => x.Patient)}", Api: false),
        new("consentement", HttpMethod.Post, (o, c) => $"/parcours/patients/{Id(o, c, x => x.Patient)}?handler=Consentement", Api: false, Formulaire: true),
        new("message du fil", HttpMethod.Post, (o, c) => $"/parcours/patients/{Id(o, c, x => x.Patient)}?handler=Message", Api: false, Formulaire: true),
        new("pièce jointe", HttpMethod.Get, (o, c) => $"/parcours/patients/{o.Patient}/pieces/{Id(o, c, x => x.Piece)}", Api: false),
        new("pièce jointe d'un patient inconnu", HttpMethod.Get, (o, c) => $"/parcours/patients/{Id(o, c, x => x.Patient)}/pieces/{o.Piece}", Api: false),
        new("plan de sortie", HttpMethod.Get, (o, c) => $"/parcours/sorties/{Id(o, c, x => x.Plan)}", Api: false),
        new("élément du plan (htmx)", HttpMethod.Post, (o, c) => $"/parcours/sorties/{Id(o, c, x => x.Plan)}?handler=Cocher", Api: false, Formulaire: true),
        new("nouvelle demande sur un plan", HttpMethod.Get, (o, c) => $"/parcours/demandes/nouvelle?PlanSortieId={Id(o, c, x => x.Plan)}", Api: false),
        new("demande", HttpMethod.Get, (o, c) => $"/parcours/demandes/{Id(o, c, x => x.Demande)}", Api: false),
        new("acceptation (page)", HttpMethod.Post, (o, c) => $"/parcours/demandes/{Id(o, c, x => x.Demande)}?handler=Accepter", Api: false, Formulaire: true),
        new("API plan", HttpMethod.Get, (o, c) => $"/api/parcours/sorties/{Id(o, c, x => x.Plan)}", Api: true),
        new("API demande", HttpMethod.Get, (o, c) => $"/api/parcours/demandes/{Id(o, c, x => x.Demande)}", Api: true),
        new("API acceptation", HttpMethod.Post, (o, c) => $"/api/parcours/demandes/{Id(o, c, x => x.Demande)}/acceptation", Api: true),
        new("API rediffusion", HttpMethod.Post, (o, c) => $"/api/parcours/demandes/{Id(o, c, x => x.Demande)}/rediffusion", Api: true),
    ];

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task A_member_outside_the_team_gets_the_answer_of_an_unknown_id_on_every_route_and_each_refusal_is_audited(Fournisseur fournisseur)
    {
        var s = await SceneParcours.DemarrerAsync(fournisseur);
        await using var _ = s.App;
        var o = await CreerAsync(s);
        // The GP is a member of the CPTS, of another profession than the request's, outside the patient's team.
        var page = await s.ProAsync(s.Medecin);
        var api = await s.ClientApiAsync(Roles.Professionnel, u => u.ProfessionnelId = s.Medecin);
        var jeton = await page.JetonAntiforgeryAsync("/parcours/demandes/nouvelle");

        foreach (var route in Routes)
        {
            var refusAvant = await RefusAsync(s, o.Patient);
            var (statutConnu, corpsConnu) = await AppelerAsync(route.Api ? api : page, route, route.Url(o, true), jeton);
            var refusApres = await RefusAsync(s, o.Patient);
            var (statutInconnu, corpsInconnu) = await AppelerAsync(route.Api ? api : page, route, route.Url(o, false), jeton);

            Assert.True(statutConnu == HttpStatusCode.NotFound, $"{route.Nom}: {(int)statutConnu}");
            Assert.True(statutInconnu == HttpStatusCode.NotFound, $"{route.Nom} (inconnu): {(int)statutInconnu}");
            Assert.True(corpsConnu == corpsInconnu, $"{route.Nom}: bodies differ\n{corpsConnu}\n---\n{corpsInconnu}");
            Assert.DoesNotContain(Marqueur, corpsConnu, StringComparison.OrdinalIgnoreCase);
            Assert.True(refusApres > refusAvant, $"{route.Nom}: refusal not audited");
        }
        // Nobody joined anything, nothing was accepted or re-broadcast.
        Assert.False(await s.App.AvecDbAsync(db => db.MembresEquipe.AnyAsync(m => m.ProfessionnelId == s.Medecin)));
        Assert.Equal(StatutsDemandePec.Ouverte, await s.App.AvecDbAsync(db => db.DemandesPriseEnCharge.Where(d => d.Id == o.Demande).Select(d => d.Statut).SingleAsync()));
    }

    private static Task<int> RefusAsync(SceneParcours s, long patient) =>
        s.App.AvecDbAsync(db => db.EntreesAudit.CountAsync(e => e.Action == "Refus" && e.PatientId == patient));

    /// <summary>The status and the body with what legitimately differs between two answers (tokens, trace ids) blanked out.</summary>
    private static async Task<(HttpStatusCode, string)> AppelerAsync(HttpClient client, Route route, string url, string jeton)
    {
        using var requete = new HttpRequestMessage(route.Methode, url);
        if (route.Formulaire)
        {
            requete.Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = jeton, ["accord"] = "true", ["elementId"] = "1", ["fait"] = "true", ["Texte"] = "x" });
        }
        else if (route.Methode == HttpMethod.Post)
        {
            requete.Content = JsonContent.Create(new { });
        }
        var reponse = await client.SendAsync(requete);
        var corps = await reponse.Content.ReadAsStringAsync();
        if (route.Api)
        {
            // ProblemDetails: the same members and values, apart from the trace id.
            var json = JsonDocument.Parse(corps).RootElement;
            corps = string.Join(";", json.EnumerateObject().Select(p => p.Name == "traceId" ? p.Name : $"{p.Name}={p.Value}"));
        }
        else
        {
            corps = ReponseComparable.Normaliser(corps);
        }
        return (reponse.StatusCode, corps);
    }
}
