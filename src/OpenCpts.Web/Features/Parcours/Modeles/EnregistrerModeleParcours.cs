using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OpenCpts.Web.Features.Territoire;
using OpenCpts.Web.Infrastructure.Data;
using OpenCpts.Web.Infrastructure.Terminologies;
using OpenCpts.Web.Infrastructure.Validation;

namespace OpenCpts.Web.Features.Parcours.Modeles;

/// <summary>A step as typed: the delay stays text so that a wrong value is shown again as typed.</summary>
public sealed record SaisieEtape(string? Libelle, string? CodeProfession, string? DelaiJours);

/// <summary>A pathway template as typed: steps in the order they happen.</summary>
public sealed record SaisieModeleParcours(string? Nom, string? Description, int? ProtocoleId, IReadOnlyList<SaisieEtape> Etapes);

public abstract record ResultatEnregistrementModele
{
    public sealed record Ok(int Id) : ResultatEnregistrementModele;

    /// <summary>Errors keyed Nom, Description, ProtocoleId, Etapes, Etapes[i].Libelle, Etapes[i].CodeProfession, Etapes[i].DelaiJours.</summary>
    public sealed record Invalide(ErreursValidation Erreurs) : ResultatEnregistrementModele;

    public sealed record Introuvable : ResultatEnregistrementModele;
}

/// <summary>
/// Creates or saves a pathway template: its name (unique in the CPTS), description, optional protocol and its
/// ordered steps (label, TRE_G15 profession responsible, delay in days after enrolment). Saving replaces the
/// steps; patients already enrolled keep the tasks created at their enrolment.
/// </summary>
public sealed class EnregistrerModeleParcours(OpenCptsDb db, CptsCourante cptsCourante)
{
    public const int EtapesMax = 30;
    public const int DelaiMax = 3650;

    public async Task<ResultatEnregistrementModele> CreerAsync(SaisieModeleParcours s, CancellationToken ct = default)
    {
        var cpts = await cptsCourante.ObtenirAsync(ct);
        var erreurs = await ValiderAsync(cpts.Id, null, s, ct);
        if (erreurs.Count > 0)
        {
            return new ResultatEnregistrementModele.Invalide(erreurs);
        }
        var modele = new ModeleParcours { CptsId = cpts.Id };
        Appliquer(modele, s);
        db.ModelesParcours.Add(modele);
        return await EnregistrerAsync(modele, ct);
    }

    public async Task<ResultatEnregistrementModele> ModifierAsync(int id, SaisieModeleParcours s, CancellationToken ct = default)
    {
        var cpts = await cptsCourante.ObtenirAsync(ct);
        var modele = await db.ModelesParcours.Include(m => m.Etapes).SingleOrDefaultAsync(m => m.Id == id && m.CptsId == cpts.Id, ct);
        if (modele is null)
        {
            return new ResultatEnregistrementModele.Introuvable();
        }
        var erreurs = await ValiderAsync(cpts.Id, id, s, ct);
        if (erreurs.Count > 0)
        {
            return new ResultatEnregistrementModele.Invalide(erreurs);
        }
        modele.Etapes.Clear();
        Appliquer(modele, s);
        return await EnregistrerAsync(modele, ct);
    }

    /// <summary>Archives a template (no longer offered for enrolment) or brings it back; false when unknown.</summary>
    public async Task<bool> ArchiverAsync(int id, bool archive, CancellationToken ct = default)
    {
        var cpts = await cptsCourante.ObtenirAsync(ct);
        return await db.ModelesParcours.Where(m => m.Id == id && m.CptsId == cpts.Id)
            .ExecuteUpdateAsync(x => x.SetProperty(m => m.Archive, archive), ct) == 1;
    }

    private async Task<ResultatEnregistrementModele> EnregistrerAsync(ModeleParcours modele, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The unique (CPTS, name) index: another template took the name meanwhile.
            db.ChangeTracker.Clear();
            return new ResultatEnregistrementModele.Invalide(new ErreursValidation { ["Nom"] = [NomPris] });
        }
        return new ResultatEnregistrementModele.Ok(modele.Id);
    }

    private const string NomPris = "Un autre modèle de parcours porte déjà ce nom.";

    private static void Appliquer(ModeleParcours modele, SaisieModeleParcours s)
    {
        modele.Nom = s.Nom!.Trim();
        modele.Description = string.IsNullOrWhiteSpace(s.Description) ? null : s.Description.Trim();
        modele.ProtocoleId = s.ProtocoleId;
        var ordre = 0;
        foreach (var e in s.Etapes)
        {
            modele.Etapes.Add(new EtapeModele
            {
                Ordre = ++ordre,
                Libelle = e.Libelle!.Trim(),
                CodeProfession = e.CodeProfession!.Trim(),
                DelaiJours = int.Parse(e.DelaiJours!.Trim(), NumberStyles.None, CultureInfo.InvariantCulture),
            });
        }
    }

    private async Task<ErreursValidation> ValiderAsync(int cptsId, int? id, SaisieModeleParcours s, CancellationToken ct)
    {
        var erreurs = new ErreursValidation();
        var nom = s.Nom?.Trim();
        if (string.IsNullOrEmpty(nom))
        {
            erreurs["Nom"] = ["Le nom du parcours est obligatoire."];
        }
        else if (nom.Length > 200)
        {
            erreurs["Nom"] = ["Le nom ne doit pas dépasser 200 caractères."];
        }
        else if (await db.ModelesParcours.AnyAsync(m => m.CptsId == cptsId && m.Nom == nom && m.Id != id, ct))
        {
            erreurs["Nom"] = [NomPris];
        }
        if (s.Description is { } description && description.Trim().Length > 2000)
        {
            erreurs["Description"] = ["La description ne doit pas dépasser 2 000 caractères."];
        }
        if (s.ProtocoleId is { } protocole && !await db.Protocoles.AnyAsync(p => p.Id == protocole && p.CptsId == cptsId, ct))
        {
            erreurs["ProtocoleId"] = ["Ce protocole n'existe pas."];
        }
        if (s.Etapes.Count == 0)
        {
            erreurs["Etapes"] = ["Ajoutez au moins une étape."];
        }
        else if (s.Etapes.Count > EtapesMax)
        {
            erreurs["Etapes"] = [$"{EtapesMax} étapes au plus."];
        }
        for (var i = 0; i < s.Etapes.Count; i++)
        {
            var e = s.Etapes[i];
            var cle = $"Etapes[{i}].";
            var libelle = e.Libelle?.Trim();
            if (string.IsNullOrEmpty(libelle))
            {
                erreurs[cle + "Libelle"] = ["Le libellé de l'étape est obligatoire."];
            }
            else if (libelle.Length > 200)
            {
                erreurs[cle + "Libelle"] = ["Le libellé ne doit pas dépasser 200 caractères."];
            }
            if (!Terminologies.Instance.Professions.Existe(e.CodeProfession?.Trim()))
            {
                erreurs[cle + "CodeProfession"] = ["Choisissez la profession responsable de l'étape."];
            }
            if (!int.TryParse(e.DelaiJours?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var delai) || delai > DelaiMax)
            {
                erreurs[cle + "DelaiJours"] = [$"Le délai est un nombre entier de jours, de 0 à {DelaiMax}."];
            }
        }
        return erreurs;
    }
}
