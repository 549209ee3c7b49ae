using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using OpenCpts.Tests.Features.Comptes;
using OpenCpts.Tests.Infrastructure;
using OpenCpts.Web.Features.MedecinTraitant;

namespace OpenCpts.Tests.Features.MedecinTraitant;

public class InscriptionPubliqueTests
{
    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task A_patient_registers_without_an_account_and_gets_his_reference(Fournisseur fournisseur)
    {
        await using var app = await ListeAttenteMt.DemarrerAsync(fournisseur);
        var client = app.Client();

        var reponse = await client.PosterInscriptionPubliqueAsync(ListeAttenteMt.FormulairePublic());

        Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
        var html = await reponse.TexteAsync();
        var reference = Html.ElementParId(html, "reference");
        Assert.Matches(new Regex(@"^MT-2026-\d{6}$"), reference);
        var d = await app.AvecDbAsync(db => db.DemandesMedecinTraitant.SingleAsync());
        Assert.Equal(reference, d.Reference);
        Assert.Equal(OriginesDemandeMt.FormulairePublic, d.Origine);
        Assert.Equal("fontaine aubry maelle", d.NomNormalise);
        Assert.Equal("0639980012", d.Telephone);
        Assert.Equal(CriteresPriorite.Ald, d.Criteres);
        Assert.Equal(app.Horloge.GetUtcNow().UtcDateTime, d.ConsentementLeUtc);
        var h = await app.AvecDbAsync(db => db.HistoriqueDemandesMt.SingleAsync());
        Assert.Equal((d.Id, StatutsDemandeMt.EnAttente, (string?)null), (h.DemandeMedecinTraitantId, h.NouveauStatut, h.AncienStatut));
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task Each_bad_input_gets_a_clear_French_error_and_stores_nothing(Fournisseur fournisseur)
    {
        await using var app = await ListeAttenteMt.DemarrerAsync(fournisseur);
        var client = app.Client();
        var cas = new (string Champ, string Valeur, string Message)[]
        {
            ("Nom", "", "Le nom est obligatoire."),
            ("Prenom", "", "Le prénom est obligatoire."),
            ("DateNaissance", "", "La date de naissance est obligatoire"),
            ("DateNaissance", "2027-01-01", "La date de naissance ne peut pas être dans le futur."),
            ("DateNaissance", "pas-une-date", "La date de naissance n'est pas valide"),
            ("Nom", new string('A', 10_000), "Le nom ne doit pas dépasser 100 caractères."),
            ("Prenom", "<script>alert(1)</script>", "Le prénom ne peut contenir que des lettres"),
            ("Telephone", "12", "numéro français à 10 chiffres"),
            ("Commune", "75056", "commune du territoire de la CPTS"),
            ("Sexe", "X", "Le sexe doit être F, M ou I."),
            ("CriteresChoisis", "<b>VIP</b>", "Critère inconnu"),
            ("Consentement", "false", "Votre accord pour être contacté est nécessaire"),
        };
        foreach (var (champ, valeur, message) in cas)
        {
            var champs = ListeAttenteMt.FormulairePublic();
            champs[champ] = valeur;

            var reponse = await client.PosterInscriptionPubliqueAsync(champs);

            Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
            var html = await reponse.TexteAsync();
            Assert.Contains(message, html, StringComparison.Ordinal);
            Assert.Contains("Votre demande n'est pas enregistrée", html, StringComparison.Ordinal);
            Assert.DoesNotContain("<script>alert", await reponse.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        Assert.Equal(0, await app.AvecDbAsync(db => db.DemandesMedecinTraitant.CountAsync()));
        Assert.Equal(0, await app.AvecDbAsync(db => db.HistoriqueDemandesMt.CountAsync()));
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task A_wrong_answer_to_the_question_is_refused_and_stores_nothing(Fournisseur fournisseur)
    {
        await using var app = await ListeAttenteMt.DemarrerAsync(fournisseur);

        var reponse = await app.Client().PosterInscriptionPubliqueAsync(ListeAttenteMt.FormulairePublic(), reponse: "1000");

        Assert.Contains(InscriptionModel.MessageDefi, await reponse.TexteAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await app.AvecDbAsync(db => db.DemandesMedecinTraitant.CountAsync()));
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task An_expired_question_is_refused(Fournisseur fournisseur)
    {
        await using var app = await ListeAttenteMt.DemarrerAsync(fournisseur);
        var client = app.Client();
        var html = await client.GetStringAsync("/medecin-traitant/inscription");
        app.Horloge.Advance(TimeSpan.FromMinutes(31));

        // The helper reads a fresh form; post the stale token instead.
        var jeton = Regex.Match(html, "name=\"JetonDefi\" value=\"([^\"]+)\"").Groups[1].Value;
        var q = ListeAttenteMt.Question().Match(WebUtility.HtmlDecode(html));
        var champs = ListeAttenteMt.FormulairePublic();
        champs["JetonDefi"] = WebUtility.HtmlDecode(jeton);
        champs["ReponseDefi"] = (int.Parse(q.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) + int.Parse(q.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        champs["__RequestVerificationToken"] = WebUtility.HtmlDecode(Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value);
        var reponse = await client.PostAsync("/medecin-traitant/inscription", new FormUrlEncodedContent(champs));

        Assert.Contains(InscriptionModel.MessageDefi, await reponse.TexteAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await app.AvecDbAsync(db => db.DemandesMedecinTraitant.CountAsync()));
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task A_filled_honeypot_stores_nothing(Fournisseur fournisseur)
    {
        await using var app = await ListeAttenteMt.DemarrerAsync(fournisseur);
        var champs = ListeAttenteMt.FormulairePublic();
        champs["SiteWeb"] = "http://spam.example";

        var reponse = await app.Client().PosterInscriptionPubliqueAsync(champs);

        Assert.Contains("Votre demande n'a pas pu être enregistrée.", await reponse.TexteAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await app.AvecDbAsync(db => db.DemandesMedecinTraitant.CountAsync()));
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task Submissions_beyond_the_hourly_limit_of_an_address_are_refused_with_429(Fournisseur fournisseur)
    {
        await using var app = await ListeAttenteMt.DemarrerAsync(fournisseur, inscriptionsParHeure: 2);
        var client = app.Client();
        var champs = ListeAttenteMt.FormulairePublic();
        champs["Nom"] = "";

        Assert.Equal(HttpStatusCode.OK, (await client.PosterInscriptionPubliqueAsync(champs)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PosterInscriptionPubliqueAsync(champs)).StatusCode);
        var troisieme = await client.PosterInscriptionPubliqueAsync(ListeAttenteMt.FormulairePublic());

        Assert.Equal(HttpStatusCode.TooManyRequests, troisieme.StatusCode);
        Assert.Contains("Trop de demandes", await troisieme.TexteAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await app.AvecDbAsync(db => db.DemandesMedecinTraitant.CountAsync()));
        // Showing the form stays possible.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/medecin-traitant/inscription")).StatusCode);
    }
}
