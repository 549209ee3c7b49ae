using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OpenCpts.Web.Infrastructure;
using OpenCpts.Web.Infrastructure.Audit;
using OpenCpts.Web.Infrastructure.Data;
using OpenCpts.Web.Infrastructure.Patients;
using OpenCpts.Web.Infrastructure.Validation;

namespace OpenCpts.Web.Features.Territoire;

/// <summary>The settings of the CPTS as typed on its settings page.</summary>
public sealed record SaisieParametresCpts(string? Nom, string? Finess, string? Siret, string? Telephone, string? Email);

/// <summary>The settings of the CPTS as stored (numbers without spaces, phone in its canonical form).</summary>
public sealed record ParametresCpts(int Id, string Nom, string? Finess, string? Siret, string? Telephone, string? Email);

public abstract record ResultatParametresCpts
{
    private ResultatParametresCpts() { }

    public sealed record Enregistres(ParametresCpts Parametres) : ResultatParametresCpts;

    /// <summary>Errors keyed Nom, Finess, Siret, Telephone, Email.</summary>
    public sealed record Invalide(ErreursValidation Erreurs) : ResultatParametresCpts;

    /// <summary>The unit of work is bound to no CPTS.</summary>
    public sealed record SansCpts : ResultatParametresCpts;
}

/// <summary>
/// The coordination sets its CPTS's name, own FINESS (its legal entity, TRE_R66 604), SIRET (the association), phone and
/// e-mail. The SAS Organization of the CPTS is built from them (<c>Features/Sas/Fhir/RessourcesSas</c>): its national id
/// is 1 + FINESS, else 3 + SIRET. Each change is audited with the fields that changed.
/// </summary>
public sealed class ModifierParametresCpts(OpenCptsDb db, CptsCourante cptsCourante, JournalAudit audit)
{
    public const int NomMax = 200;

    public async Task<ParametresCpts?> LireAsync(CancellationToken ct = default) =>
        await cptsCourante.TrouverAsync(ct) is { } c ? new ParametresCpts(c.Id, c.Nom, c.Finess, c.Siret, c.Telephone, c.Email) : null;

    public async Task<ResultatParametresCpts> ExecuteAsync(SaisieParametresCpts s, CancellationToken ct = default)
    {
        if (await cptsCourante.TrouverAsync(ct) is not { } courante)
        {
            return new ResultatParametresCpts.SansCpts();
        }
        var erreurs = new ErreursValidation();
        var nom = s.Nom?.Trim() ?? "";
        if (nom.Length == 0)
        {
            erreurs.Ajouter(nameof(s.Nom), "Le nom de la CPTS est obligatoire.");
        }
        else if (nom.Length > NomMax)
        {
            erreurs.Ajouter(nameof(s.Nom), $"Le nom ne doit pas dépasser {NomMax} caractères.");
        }
        var finess = NumeroFiness.Normaliser(s.Finess, out var finessValide);
        if (!finessValide)
        {
            erreurs.Ajouter(nameof(s.Finess), NumeroFiness.MessageInvalide);
        }
        var siret = NumeroSiret.Normaliser(s.Siret, out var siretValide);
        if (!siretValide)
        {
            erreurs.Ajouter(nameof(s.Siret), NumeroSiret.MessageInvalide);
        }
        var (telephone, email) = ValiderIdentitePatient.Contact(s.Telephone, s.Email, default, erreurs);
        if (erreurs.Count > 0)
        {
            return new ResultatParametresCpts.Invalide(erreurs);
        }

        var cpts = await db.Cpts.SingleAsync(c => c.Id == courante.Id, ct);
        var changes = new List<string>();
        void Changer(string champ, string? avant, string? apres, Action<string?> affecter)
        {
            if (!string.Equals(avant, apres, StringComparison.Ordinal))
            {
                affecter(apres);
                changes.Add(champ);
            }
        }
        Changer("nom", cpts.Nom, nom, v => cpts.Nom = v!);
        Changer("FINESS", cpts.Finess, finess, v => cpts.Finess = v);
        Changer("SIRET", cpts.Siret, siret, v => cpts.Siret = v);
        Changer("téléphone", cpts.Telephone, telephone, v => cpts.Telephone = v);
        Changer("e-mail", cpts.Email, email, v => cpts.Email = v);
        if (changes.Count > 0)
        {
            await db.SaveChangesAsync(ct);
            await audit.EnregistrerAsync("Modification", "Cpts", cpts.Id.ToString(CultureInfo.InvariantCulture),
                "Paramètres de la CPTS : " + string.Join(", ", changes), ct);
        }
        return new ResultatParametresCpts.Enregistres(new ParametresCpts(cpts.Id, cpts.Nom, cpts.Finess, cpts.Siret, cpts.Telephone, cpts.Email));
    }
}
