using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenCpts.Tests.Features.Annuaire;
using OpenCpts.Tests.Features.Comptes;
using OpenCpts.Tests.Infrastructure;
using OpenCpts.Web.Features.Comptes;
using OpenCpts.Web.Features.Parcours.Protocoles;

namespace OpenCpts.Tests.Features.Parcours.Protocoles;

public class ProtocolesTests
{
    private static async Task<(OpenCptsApp App, HttpClient Coordination)> DemarrerAsync(Fournisseur fournisseur)
    {
        var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        await app.CreerCptsAsync("18033", "18205");
        return (app, await app.ClientConnecteAsync(Roles.Coordination, u => u.Email = u.UserName = "claire.coordination@test.invalid"));
    }

    private static Task<Protocole> ProtocoleAsync(OpenCptsApp app, int id) =>
        app.AvecDbAsync(db => db.Protocoles.AsNoTracking().Include(p => p.Versions).Include(p => p.Documents).SingleAsync(p => p.Id == id));

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task Creating_a_protocol_makes_a_draft_at_version_1_with_its_author_and_date(Fournisseur fournisseur)
    {
        var (app, coordination) = await DemarrerAsync(fournisseur);
        await using var _ = app;

        var id = await coordination.CreerAsync(professions: ["60", "10", "21"]);

        var p = await ProtocoleAsync(app, id);
        Assert.Equal((StatutsProtocole.Brouillon, 1, "10|21|60", "Groupe cardiologie"), (p.Statut, p.VersionCourante, p.Professions, p.GroupeTravail));
        var v = Assert.Single(p.Versions);
        Assert.Equal((1, "claire.coordination@test.invalid", app.Horloge.GetUtcNow().UtcDateTime, ProtocolesDeTest.ContenuInitial),
            (v.Numero, v.Auteur, v.CreeLeUtc, v.ContenuMarkdown));
        var page = await coordination.PageAsync($"/parcours/protocoles/{id}");
        Assert.Contains("<strong>chaque matin</strong>", page, StringComparison.Ordinal);
        Assert.Contains("Infirmier, Médecin, Pharmacien", page, StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task Editing_the_content_adds_a_version_with_its_author_date_and_comment(Fournisseur fournisseur)
    {
        var (app, coordination) = await DemarrerAsync(fournisseur);
        await using var _ = app;
        var id = await coordination.CreerAsync();
        app.Horloge.Advance(TimeSpan.FromDays(3));
        var autre = await app.ClientConnecteAsync(Roles.Coordination, u => u.Email = u.UserName = "paul.coordination@test.invalid");

        var reponse = await autre.ModifierAsync(id, ProtocolesDeTest.ContenuInitial + "\r\n- Régime pauvre en sel", "Ajout du régime", versionLue: 1);

        Assert.Equal(HttpStatusCode.Redirect, reponse.StatusCode);
        var p = await ProtocoleAsync(app, id);
        var maintenant = app.Horloge.GetUtcNow().UtcDateTime;
        Assert.Equal((2, maintenant), (p.VersionCourante, p.MisAJourLeUtc));
        var v2 = p.Versions.Single(v => v.Numero == 2);
        Assert.Equal(("paul.coordination@test.invalid", maintenant, "Ajout du régime"), (v2.Auteur, v2.CreeLeUtc, v2.Commentaire));
        Assert.Equal(ProtocolesDeTest.ContenuInitial + "\n- Régime pauvre en sel", v2.ContenuMarkdown);
        Assert.Equal(ProtocolesDeTest.ContenuInitial, p.Versions.Single(v => v.Numero == 1).ContenuMarkdown);
        var page = await autre.PageAsync($"/parcours/protocoles/{id}");
        Assert.Contains("paul.coordination@test.invalid", page, StringComparison.Ordinal);
        Assert.Contains("26/11/2026 10:00", page, StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task Saving_with_unchanged_content_adds_no_version_but_keeps_the_other_changes(Fournisseur fournisseur)
    {
        var (app, coordination) = await DemarrerAsync(fournisseur);
        await using var _ = app;
        var id = await coordination.CreerAsync();

        // The browser sends the textarea back with CRLF line endings: still the same content.
        var reponse = await coordination.ModifierAsync(id, ProtocolesDeTest.ContenuInitial.Replace("\n", "\r\n", StringComparison.Ordinal) + "\r\n",
            "Rien de neuf", versionLue: 1, titre: "Insuffisance cardiaque : retour à domicile");

        Assert.Equal(HttpStatusCode.Redirect, reponse.StatusCode);
        var p = await ProtocoleAsync(app, id);
        Assert.Equal((1, "Insuffisance cardiaque : retour à domicile"), (p.VersionCourante, p.Titre));
        Assert.Single(p.Versions);
        Assert.Contains("pas de nouvelle version", await coordination.PageAsync($"/parcours/protocoles/{id}"), StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task An_older_version_is_viewable_with_its_own_content(Fournisseur fournisseur)
    {
        var (app, coordination) = await DemarrerAsync(fournisseur);
        await using var _ = app;
        var id = await coordination.CreerAsync(contenu: "Texte de la **première** version");
        await coordination.ModifierAsync(id, "Texte de la **deuxième** version", versionLue: 1);
        var professionnel = await app.ClientConnecteAsync(Roles.Professionnel);

        var ancienne = await professionnel.PageAsync($"/parcours/protocoles/{id}?version=1");
        var courante = await professionnel.PageAsync($"/parcours/protocoles/{id}");

        Assert.Contains("<strong>première</strong>", ancienne, StringComparison.Ordinal);
        Assert.DoesNotContain("deuxième", Html.ElementParId(ancienne, "contenu"), StringComparison.Ordinal);
        Assert.Contains("Vous consultez la version 1", ancienne, StringComparison.Ordinal);
        Assert.Contains("<strong>deuxième</strong>", courante, StringComparison.Ordinal);
        Assert.Contains($"href=\"/parcours/protocoles/{id}?version=1\"", courante, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await professionnel.GetAsync($"/parcours/protocoles/{id}?version=3")).StatusCode);
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task Saving_over_a_version_saved_meanwhile_is_refused_and_keeps_the_typed_text(Fournisseur fournisseur)
    {
        var (app, coordination) = await DemarrerAsync(fournisseur);
        await using var _ = app;
        var id = await coordination.CreerAsync();
        var collegue = await app.ClientConnecteAsync(Roles.Coordination);
        await collegue.ModifierAsync(id, "Version du collègue", versionLue: 1);

        var reponse = await coordination.ModifierAsync(id, "Ma version **à moi**", versionLue: 1);

        Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
        var page = await reponse.TexteAsync();
        Assert.Contains("a enregistré la version 2 pendant que vous modifiiez", page, StringComparison.Ordinal);
        Assert.Contains("Ma version **à moi**", page, StringComparison.Ordinal);
        Assert.Equal(2, (await ProtocoleAsync(app, id)).Versions.Count);
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task A_form_with_missing_fields_shows_the_messages_and_keeps_what_was_typed(Fournisseur fournisseur)
    {
        var (app, coordination) = await DemarrerAsync(fournisseur);
        await using var _ = app;

        var reponse = await coordination.PosterChampsAsync("/parcours/protocoles/nouveau",
            [("Titre", "Plaies chroniques"), ("Pathologie", ""), ("ContenuMarkdown", "Texte déjà saisi")]);

        Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
        var page = await reponse.TexteAsync();
        Assert.Contains("La pathologie ou situation est obligatoire.", page, StringComparison.Ordinal);
        Assert.Contains("Cochez au moins une profession concernée.", page, StringComparison.Ordinal);
        Assert.Contains("value=\"Plaies chroniques\"", page, StringComparison.Ordinal);
        Assert.Contains("Texte déjà saisi", page, StringComparison.Ordinal);
        Assert.Equal(0, await app.AvecDbAsync(db => db.Protocoles.CountAsync()));
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task The_preview_shows_the_typed_markdown_rendered_safely_without_saving(Fournisseur fournisseur)
    {
        var (app, coordination) = await DemarrerAsync(fournisseur);
        await using var _ = app;

        var reponse = await coordination.PosterHtmxAsync("/parcours/protocoles/nouveau", "/parcours/protocoles/nouveau?handler=Apercu",
            new Dictionary<string, string> { ["ContenuMarkdown"] = "### Étapes\n\n1. **Peser**\n\n<script>alert(1)</script>" });

        Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
        var html = await reponse.Content.ReadAsStringAsync();
        Assert.Contains("<strong>Peser</strong>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<html", html, StringComparison.Ordinal);
        Assert.Equal(0, await app.AvecDbAsync(db => db.Protocoles.CountAsync()));
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task A_draft_is_validated_then_archived_then_restored_as_a_draft(Fournisseur fournisseur)
    {
        var (app, coordination) = await DemarrerAsync(fournisseur);
        await using var _ = app;
        var id = await coordination.CreerAsync();

        foreach (var statut in new[] { StatutsProtocole.Valide, StatutsProtocole.Archive, StatutsProtocole.Brouillon })
        {
            Assert.Equal(HttpStatusCode.Redirect, (await coordination.ChangerStatutAsync(id, statut)).StatusCode);
            Assert.Equal(statut, (await ProtocoleAsync(app, id)).Statut);
        }
        Assert.Equal(StatutsProtocole.Libelle(StatutsProtocole.Brouillon), Html.ElementParId(await coordination.PageAsync($"/parcours/protocoles/{id}"), "statut"));
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task A_validated_protocol_cannot_go_back_to_draft_without_being_archived(Fournisseur fournisseur)
    {
        var (app, coordination) = await DemarrerAsync(fournisseur);
        await using var _ = app;
        var id = await coordination.CreerAsync();
        await coordination.ChangerStatutAsync(id, StatutsProtocole.Valide);

        var reponse = await coordination.ChangerStatutAsync(id, StatutsProtocole.Brouillon);

        Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
        Assert.Contains("n'est pas possible depuis le statut actuel", await reponse.TexteAsync(), StringComparison.Ordinal);
        Assert.Equal(StatutsProtocole.Valide, (await ProtocoleAsync(app, id)).Statut);
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task A_pdf_is_attached_and_downloaded_as_an_attachment_that_is_never_sniffed(Fournisseur fournisseur)
    {
        var (app, coordination) = await DemarrerAsync(fournisseur);
        await using var _ = app;
        var id = await coordination.CreerAsync();
        var pdf = "%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n"u8.ToArray();

        var reponse = await coordination.JoindreAsync(id, "C:\\Documents\\carnet poids.pdf", "application/pdf", pdf);

        Assert.Equal(HttpStatusCode.Redirect, reponse.StatusCode);
        var document = Assert.Single((await ProtocoleAsync(app, id)).Documents);
        Assert.Equal(("carnet poids.pdf", "application/pdf", (long)pdf.Length), (document.NomFichier, document.TypeContenu, document.Taille));
        var professionnel = await app.ClientConnecteAsync(Roles.Professionnel);
        Assert.Contains($"/parcours/protocoles/{id}/documents/{document.Id}", await professionnel.PageAsync($"/parcours/protocoles/{id}"), StringComparison.Ordinal);
        var telechargement = await professionnel.GetAsync($"/parcours/protocoles/{id}/documents/{document.Id}");
        Assert.Equal(HttpStatusCode.OK, telechargement.StatusCode);
        Assert.Equal("application/pdf", telechargement.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", telechargement.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("nosniff", telechargement.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal(pdf, await telechargement.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await professionnel.GetAsync($"/parcours/protocoles/{id + 1}/documents/{document.Id}")).StatusCode);
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task An_executable_or_an_html_page_is_refused_with_a_clear_message_and_the_protocol_unchanged(Fournisseur fournisseur)
    {
        var (app, coordination) = await DemarrerAsync(fournisseur);
        await using var _ = app;
        var id = await coordination.CreerAsync();

        var exe = await coordination.JoindreAsync(id, "protocole.exe", "application/x-msdownload", [0x4D, 0x5A, 0x90, 0x00]);
        var html = await coordination.JoindreAsync(id, "page.html", "text/html", "<script>alert(1)</script>"u8.ToArray());

        Assert.Equal(HttpStatusCode.OK, exe.StatusCode);
        Assert.Contains("Le fichier « protocole.exe » n'est pas accepté (application/x-msdownload) : seuls les PDF, PNG et JPEG peuvent être joints.",
            await exe.TexteAsync(), StringComparison.Ordinal);
        Assert.Contains("Le fichier « page.html » n'est pas accepté (text/html)", await html.TexteAsync(), StringComparison.Ordinal);
        var p = await ProtocoleAsync(app, id);
        Assert.Empty(p.Documents);
        Assert.Equal((1, StatutsProtocole.Brouillon), (p.VersionCourante, p.Statut));
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task A_file_declared_as_pdf_without_the_pdf_signature_is_refused(Fournisseur fournisseur)
    {
        var (app, coordination) = await DemarrerAsync(fournisseur);
        await using var _ = app;
        var id = await coordination.CreerAsync();

        var reponse = await coordination.JoindreAsync(id, "faux.pdf", "application/pdf", "<html><body>pas un PDF</body></html>"u8.ToArray());
        var png = await coordination.JoindreAsync(id, "photo.png", "image/png", "%PDF-1.4 en réalité un PDF"u8.ToArray());

        Assert.Contains("Le contenu du fichier « faux.pdf » n'est pas celui d'un PDF : fichier refusé.", await reponse.TexteAsync(), StringComparison.Ordinal);
        Assert.Contains("n'est pas celui d'un PNG", await png.TexteAsync(), StringComparison.Ordinal);
        Assert.Empty((await ProtocoleAsync(app, id)).Documents);
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task A_file_whose_extension_does_not_match_its_type_is_refused(Fournisseur fournisseur)
    {
        var (app, coordination) = await DemarrerAsync(fournisseur);
        await using var _ = app;
        var id = await coordination.CreerAsync();

        var reponse = await coordination.JoindreAsync(id, "protocole.pdf.html", "application/pdf", "%PDF-1.4\n%%EOF\n"u8.ToArray());

        Assert.Contains("Le fichier « protocole.pdf.html » : son extension ne correspond pas à son type (.pdf attendu).", await reponse.TexteAsync(), StringComparison.Ordinal);
        Assert.Empty((await ProtocoleAsync(app, id)).Documents);
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task An_upload_by_another_role_is_refused_before_its_body_is_read(Fournisseur fournisseur)
    {
        var (app, coordination) = await DemarrerAsync(fournisseur);
        await using var _ = app;
        var id = await coordination.CreerAsync();
        var professionnel = await app.ClientConnecteAsync(Roles.Professionnel);
        var corps = new CorpsCompte(30L * 1024 * 1024);
        corps.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse("multipart/form-data; boundary=limite");

        var reponse = await professionnel.PostAsync($"/parcours/protocoles/{id}?handler=Document", corps);

        Assert.Equal(HttpStatusCode.Forbidden, reponse.StatusCode);
        Assert.True(corps.Envoyes < 1024 * 1024, $"{corps.Envoyes} bytes read before the refusal");
        Assert.Empty((await ProtocoleAsync(app, id)).Documents);
    }

    /// <summary>A large request body produced on demand, which counts what the server pulled from it.</summary>
    private sealed class CorpsCompte(long taille) : HttpContent
    {
        private long _envoyes;

        public long Envoyes => Interlocked.Read(ref _envoyes);

        protected override async Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context)
        {
            var bloc = new byte[16 * 1024];
            "--limite\r\nContent-Disposition: form-data; name=\"fichier\"; filename=\"a.pdf\"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4"u8.CopyTo(bloc);
            while (Envoyes < taille)
            {
                await stream.WriteAsync(bloc);
                Interlocked.Add(ref _envoyes, bloc.Length);
            }
        }

        protected override bool TryComputeLength(out long length)
        {
            length = -1;
            return false;
        }
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task A_file_over_10_MB_is_refused_with_its_size(Fournisseur fournisseur)
    {
        var (app, coordination) = await DemarrerAsync(fournisseur);
        await using var _ = app;
        var id = await coordination.CreerAsync();
        var gros = new byte[DocumentsProtocole.TailleMax + 1];
        "%PDF-1.4"u8.CopyTo(gros);
        var juste = new byte[DocumentsProtocole.TailleMax];
        "%PDF-1.4"u8.CopyTo(juste);

        var refus = await coordination.JoindreAsync(id, "scan.pdf", "application/pdf", gros);
        var accepte = await coordination.JoindreAsync(id, "scan-compresse.pdf", "application/pdf", juste);

        Assert.Equal(HttpStatusCode.OK, refus.StatusCode);
        Assert.Contains("Le fichier « scan.pdf » pèse 10,0 Mo : 10 Mo au plus par fichier.", await refus.TexteAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, accepte.StatusCode);
        Assert.Equal(["scan-compresse.pdf"], (await ProtocoleAsync(app, id)).Documents.Select(d => d.NomFichier));
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task The_coordination_deletes_a_document(Fournisseur fournisseur)
    {
        var (app, coordination) = await DemarrerAsync(fournisseur);
        await using var _ = app;
        var id = await coordination.CreerAsync();
        await coordination.JoindreAsync(id, "schema.png", "image/png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0]);
        var document = (await ProtocoleAsync(app, id)).Documents.Single().Id;

        var reponse = await coordination.PosterChampsAsync($"/parcours/protocoles/{id}", [("documentId", document.ToString(System.Globalization.CultureInfo.InvariantCulture))],
            $"/parcours/protocoles/{id}?handler=SupprimerDocument");

        Assert.Equal(HttpStatusCode.Redirect, reponse.StatusCode);
        Assert.Empty((await ProtocoleAsync(app, id)).Documents);
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task Only_the_coordination_edits_and_other_readers_get_403(Fournisseur fournisseur)
    {
        var (app, coordination) = await DemarrerAsync(fournisseur);
        await using var _ = app;
        var id = await coordination.CreerAsync();
        var professionnel = await app.ClientConnecteAsync(Roles.Professionnel);
        var bureau = await app.ClientConnecteAsync(Roles.Bureau);

        Assert.Equal(HttpStatusCode.OK, (await professionnel.GetAsync($"/parcours/protocoles/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await bureau.GetAsync("/parcours/protocoles")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await professionnel.GetAsync("/parcours/protocoles/nouveau")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await professionnel.GetAsync($"/parcours/protocoles/{id}/modifier")).StatusCode);
        var modification = await professionnel.PosterChampsAsync("/parcours/protocoles", ProtocolesDeTest.Champs(contenu: "Piraté", versionLue: 1),
            $"/parcours/protocoles/{id}/modifier");
        var statut = await professionnel.PosterChampsAsync("/parcours/protocoles", [("statut", StatutsProtocole.Valide)], $"/parcours/protocoles/{id}?handler=Statut");
        Assert.Equal(HttpStatusCode.Forbidden, modification.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, statut.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await professionnel.JoindreAsync(id, "a.pdf", "application/pdf", "%PDF-1.4"u8.ToArray())).StatusCode);
        var p = await ProtocoleAsync(app, id);
        Assert.Equal((1, StatutsProtocole.Brouillon, 0), (p.VersionCourante, p.Statut, p.Documents.Count));
        Assert.DoesNotContain("Modifier</a>", await professionnel.PageAsync($"/parcours/protocoles/{id}"), StringComparison.Ordinal);
        var lecture = await app.ClientConnecteAsync(Roles.LectureInstitutionnelle);
        Assert.Equal(HttpStatusCode.Forbidden, (await lecture.GetAsync("/parcours/protocoles")).StatusCode);
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task The_library_filters_by_pathology_ignoring_accents_status_and_profession(Fournisseur fournisseur)
    {
        var (app, coordination) = await DemarrerAsync(fournisseur);
        await using var _ = app;
        var cardiaque = await coordination.CreerAsync("Suivi de l'insuffisance cardiaque", "Insuffisance cardiaque", professions: ["10", "60"]);
        var plaies = await coordination.CreerAsync("Plaies chroniques", "Ulcère de jambe", professions: ["60", "80"]);
        await coordination.CreerAsync("Diabète de type 2", "Diabète", professions: ["10", "95"]);
        await coordination.ChangerStatutAsync(plaies, StatutsProtocole.Valide);

        static int[] Ids(string page) => [.. System.Text.RegularExpressions.Regex.Matches(page, "data-protocole=\"(\\d+)\"").Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture))];

        Assert.Equal([plaies], Ids(await coordination.PageAsync("/parcours/protocoles?q=ULCERE")));
        Assert.Equal([plaies], Ids(await coordination.PageAsync("/parcours/protocoles?statut=Valide")));
        Assert.Equal([plaies, cardiaque], Ids(await coordination.PageAsync("/parcours/protocoles?profession=60")));
        var tout = await coordination.PageAsync("/parcours/protocoles");
        Assert.Equal(3, Ids(tout).Length);
        Assert.Equal(plaies, Ids(tout)[0]);
        Assert.Contains("Validé par le groupe de travail", tout, StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task Other_features_list_the_validated_protocols_first(Fournisseur fournisseur)
    {
        var (app, coordination) = await DemarrerAsync(fournisseur);
        await using var _ = app;
        var brouillon = await coordination.CreerAsync("A — brouillon", "Lombalgie");
        var valide = await coordination.CreerAsync("Z — validé", "Diabète");
        var archive = await coordination.CreerAsync("B — archivé", "AVK");
        await coordination.ChangerStatutAsync(valide, StatutsProtocole.Valide);
        await coordination.ChangerStatutAsync(archive, StatutsProtocole.Archive);

        var tous = await app.AvecServicesAsync(sp => sp.GetRequiredService<ListerProtocoles>().ExecuteAsync(false, default));
        var valides = await app.AvecServicesAsync(sp => sp.GetRequiredService<ListerProtocoles>().ExecuteAsync(true, default));

        Assert.Equal([valide, brouillon, archive], tous.Select(p => p.Id));
        Assert.Equal([new ProtocoleResume(valide, "Z — validé", "Diabète", StatutsProtocole.Valide)], valides);
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task The_api_returns_the_markdown_and_its_sanitized_html(Fournisseur fournisseur)
    {
        var (app, coordination) = await DemarrerAsync(fournisseur);
        await using var _ = app;
        var id = await coordination.CreerAsync(contenu: "## Alerte\n\n**2 kg** en 3 jours <script>alert(1)</script> [x](javascript:alert(1))");
        await coordination.ChangerStatutAsync(id, StatutsProtocole.Valide);
        var api = await app.ClientApiAsync(Roles.Etablissement);

        var detail = await api.GetFromJsonAsync<JsonElement>($"/api/parcours/protocoles/{id}");
        var liste = await api.GetFromJsonAsync<JsonElement>("/api/parcours/protocoles?statut=Valide");

        var html = detail.GetProperty("contenuHtml").GetString()!;
        Assert.Contains("<h2>Alerte</h2>", html, StringComparison.Ordinal);
        Assert.Contains("<strong>2 kg</strong>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
        Assert.DoesNotContain("javascript:", html, StringComparison.Ordinal);
        Assert.StartsWith("## Alerte", detail.GetProperty("contenuMarkdown").GetString(), StringComparison.Ordinal);
        Assert.Equal(("Valide", 1), (detail.GetProperty("statut").GetString(), detail.GetProperty("version").GetInt32()));
        Assert.Equal("Médecin", detail.GetProperty("professions")[0].GetProperty("libelle").GetString());
        Assert.Equal(id, Assert.Single(liste.GetProperty("items").EnumerateArray()).GetProperty("id").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/parcours/protocoles/{id + 100}")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await api.GetAsync("/api/parcours/protocoles?statut=Perdu")).StatusCode);
        var lecture = await app.ClientApiAsync(Roles.LectureInstitutionnelle);
        Assert.Equal(HttpStatusCode.Forbidden, (await lecture.GetAsync("/api/parcours/protocoles")).StatusCode);
    }
}
