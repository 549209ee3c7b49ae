using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using OpenCpts.Web.Features.Parcours.Modeles;
using OpenCpts.Web.Features.Parcours.Patients;
using OpenCpts.Web.Features.Parcours.Protocoles;
using OpenCpts.Web.Infrastructure.Data;
using OpenCpts.Web.Infrastructure.Temps;

namespace OpenCpts.Web.Features.Demo;

/// <summary>
/// Protocols and pathway templates of the demo CPTS: five pluri-professional protocols in French (insuffisance
/// cardiaque, plaies chroniques, AVK, lombalgie, diabète de type 2; four validated, one draft) with one to three
/// versions by invented authors; four pathway templates; and one invented patient enrolled ten days ago in the
/// cardiac pathway, with the demo nurse and GP in his team: his first step is done, the GP's visit is overdue.
/// </summary>
public static class GenerateurDemoProtocoles
{
    private sealed record VersionDemo(string Auteur, int IlYaJours, string? Commentaire, string Contenu);

    private sealed record ProtocoleDemo(string Titre, string Pathologie, string[] Professions, string GroupeTravail, string Statut, VersionDemo[] Versions);

    private sealed record EtapeDemo(string Libelle, string Profession, int Delai);

    public static async Task ChargerAsync(OpenCptsDb db, DemoParcours demo, CancellationToken ct)
    {
        var protocoles = new List<Protocole>();
        foreach (var p in Protocoles())
        {
            var protocole = new Protocole
            {
                CptsId = demo.CptsId,
                Titre = p.Titre,
                Pathologie = p.Pathologie,
                Professions = string.Join('|', p.Professions.Order(StringComparer.Ordinal)),
                GroupeTravail = p.GroupeTravail,
                Statut = p.Statut,
                VersionCourante = p.Versions.Length,
                MisAJourLeUtc = demo.Maintenant.AddDays(-p.Versions[^1].IlYaJours),
            };
            for (var i = 0; i < p.Versions.Length; i++)
            {
                var v = p.Versions[i];
                protocole.Versions.Add(new VersionProtocole
                {
                    Numero = i + 1,
                    ContenuMarkdown = v.Contenu.Trim(),
                    Auteur = v.Auteur,
                    Commentaire = v.Commentaire,
                    CreeLeUtc = demo.Maintenant.AddDays(-v.IlYaJours).AddHours(-i),
                });
            }
            protocoles.Add(protocole);
        }
        protocoles[0].Documents.Add(new DocumentProtocole
        {
            NomFichier = "carnet-de-suivi-du-poids.pdf",
            TypeContenu = "application/pdf",
            Contenu = PdfDemo("Carnet de suivi du poids - insuffisance cardiaque (document de demonstration)"),
            AjoutePar = "c.vasseur@demo.opencpts.fr",
            AjouteLeUtc = demo.Maintenant.AddDays(-40),
        });
        protocoles[0].Documents[0].Taille = protocoles[0].Documents[0].Contenu.Length;
        db.Protocoles.AddRange(protocoles);
        await db.SaveChangesAsync(ct);

        var cardiaque = new ModeleParcours
        {
            CptsId = demo.CptsId,
            Nom = "Retour à domicile après insuffisance cardiaque",
            Description = "Les deux premiers mois après une hospitalisation pour décompensation cardiaque : surveillance, éducation, réadaptation.",
            ProtocoleId = protocoles[0].Id,
        };
        Etapes(cardiaque,
            new("Visite infirmière à domicile : poids, constantes, observance du traitement", "60", 2),
            new("Consultation du médecin traitant après la sortie", "10", 7),
            new("Éducation thérapeutique : signes d'alerte, régime pauvre en sel, pesée quotidienne", "60", 14),
            new("Bilan de kinésithérapie et réadaptation à l'effort", "70", 21),
            new("Bilan partagé de médication avec le pharmacien", "21", 30),
            new("Consultation de cardiologie", "10", 60));
        var pma = new ModeleParcours
        {
            CptsId = demo.CptsId,
            Nom = "PMA",
            Description = "Accompagnement en ville d'un couple engagé dans une assistance médicale à la procréation.",
        };
        Etapes(pma,
            new("Consultation de sage-femme : information et projet du couple", "50", 0),
            new("Bilan de fertilité prescrit par le médecin", "10", 7),
            new("Délivrance des traitements de stimulation et conseils d'utilisation", "21", 28),
            new("Injections et surveillance infirmière pendant la stimulation", "60", 30),
            new("Entretien avec un psychologue", "93", 45));
        var apprentissages = new ModeleParcours
        {
            CptsId = demo.CptsId,
            Nom = "Troubles des apprentissages",
            Description = "Repérage et bilans d'un enfant en difficulté scolaire (langage écrit, coordination, attention).",
        };
        Etapes(apprentissages,
            new("Consultation médicale de repérage", "10", 0),
            new("Bilan orthophonique (langage oral et écrit)", "91", 30),
            new("Bilan psychomoteur", "96", 45),
            new("Bilan orthoptique", "92", 45),
            new("Synthèse médicale et orientation", "10", 90));
        var renale = new ModeleParcours
        {
            CptsId = demo.CptsId,
            Nom = "Insuffisance rénale chronique",
            Description = "Suivi en ville d'une maladie rénale chronique de stade 3 : ralentir l'évolution, éviter la iatrogénie.",
        };
        Etapes(renale,
            new("Consultation du médecin traitant : DFG, albuminurie, tension artérielle", "10", 0),
            new("Bilan partagé de médication : adaptation des doses à la fonction rénale", "21", 14),
            new("Consultation diététique : sel, protéines, potassium", "95", 30),
            new("Prise de sang de contrôle à domicile", "60", 90),
            new("Consultation de suivi et avis néphrologique si besoin", "10", 120));
        db.ModelesParcours.AddRange(cardiaque, pma, apprentissages, renale);
        await db.SaveChangesAsync(ct);

        await InscrirePatientAsync(db, demo, cardiaque, ct);
    }

    /// <summary>An invented patient in the cardiac pathway since ten days: first visit done, the GP's one overdue.</summary>
    private static async Task InscrirePatientAsync(OpenCptsDb db, DemoParcours demo, ModeleParcours modele, CancellationToken ct)
    {
        var debutUtc = demo.Maintenant.AddDays(-10);
        var patient = new PatientParcours
        {
            CptsId = demo.CptsId,
            Nom = "FOURNIER",
            Prenom = "Lucienne",
            DateNaissance = new DateOnly(1944, 2, 17),
            CodeCommune = "18033",
            ConsentementLeUtc = debutUtc.AddDays(-1),
            ConsentementRecueilliPar = "hopital@demo.opencpts.fr",
            CreeLeUtc = debutUtc.AddDays(-1),
            CreePar = "hopital@demo.opencpts.fr",
        };
        patient.Equipe.Add(new MembreEquipe { ProfessionnelId = demo.MedecinId, Role = "Médecin traitant", AjouteLeUtc = debutUtc.AddDays(-1), AjoutePar = "coordination@demo.opencpts.fr" });
        patient.Equipe.Add(new MembreEquipe { ProfessionnelId = demo.InfirmiereId, Role = "Infirmière — surveillance à domicile", AjouteLeUtc = debutUtc.AddDays(-1), AjoutePar = "coordination@demo.opencpts.fr" });
        db.PatientsParcours.Add(patient);
        await db.SaveChangesAsync(ct);

        var debut = HeureParis.Jour(debutUtc);
        var inscription = new InscriptionParcours
        {
            PatientParcoursId = patient.Id,
            ModeleParcoursId = modele.Id,
            DebutLe = debut,
            InscritLeUtc = debutUtc,
            InscritPar = "coordination@demo.opencpts.fr",
        };
        db.InscriptionsParcours.Add(inscription);
        await db.SaveChangesAsync(ct);

        var professions = await db.Professionnels.Where(p => p.Id == demo.MedecinId || p.Id == demo.InfirmiereId)
            .ToDictionaryAsync(p => p.Id, p => p.CodeProfession, ct);
        int? Responsable(string code) =>
            professions.GetValueOrDefault(demo.MedecinId) == code ? demo.MedecinId
            : professions.GetValueOrDefault(demo.InfirmiereId) == code ? demo.InfirmiereId
            : null;
        foreach (var e in modele.Etapes.OrderBy(e => e.Ordre))
        {
            var tache = new TacheParcours
            {
                InscriptionParcoursId = inscription.Id,
                PatientParcoursId = patient.Id,
                Ordre = e.Ordre,
                Libelle = e.Libelle,
                CodeProfession = e.CodeProfession,
                Echeance = debut.AddDays(e.DelaiJours),
                ResponsableProfessionnelId = Responsable(e.CodeProfession),
            };
            if (e.Ordre == 1)
            {
                // The nurse's first visit took place on time; the GP's visit (day 7) is now three days late.
                tache.FaiteLeUtc = debutUtc.AddDays(2).AddHours(1);
                tache.FaitePar = "ide@demo.opencpts.fr";
            }
            db.TachesParcours.Add(tache);
        }
        await db.SaveChangesAsync(ct);
    }

    private static void Etapes(ModeleParcours modele, params EtapeDemo[] etapes)
    {
        var ordre = 0;
        foreach (var e in etapes)
        {
            modele.Etapes.Add(new EtapeModele { Ordre = ++ordre, Libelle = e.Libelle, CodeProfession = e.Profession, DelaiJours = e.Delai });
        }
    }

    /// <summary>A one-page PDF with one line of text (valid cross-reference table), for the demo documents.</summary>
    internal static byte[] PdfDemo(string texte)
    {
        var flux = $"BT /F1 14 Tf 60 760 Td ({texte.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("(", "\\(", StringComparison.Ordinal).Replace(")", "\\)", StringComparison.Ordinal)}) Tj ET";
        var objets = new[]
        {
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            $"<< /Length {Encoding.ASCII.GetByteCount(flux)} >>\nstream\n{flux}\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        };
        var pdf = new StringBuilder("%PDF-1.4\n");
        var positions = new List<int>();
        for (var i = 0; i < objets.Length; i++)
        {
            positions.Add(Encoding.ASCII.GetByteCount(pdf.ToString()));
            pdf.Append(CultureInfo.InvariantCulture, $"{i + 1} 0 obj\n{objets[i]}\nendobj\n");
        }
        var xref = Encoding.ASCII.GetByteCount(pdf.ToString());
        pdf.Append(CultureInfo.InvariantCulture, $"xref\n0 {objets.Length + 1}\n0000000000 65535 f \n");
        foreach (var position in positions)
        {
            pdf.Append(CultureInfo.InvariantCulture, $"{position:D10} 00000 n \n");
        }
        pdf.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {objets.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(pdf.ToString());
    }

    private static ProtocoleDemo[] Protocoles() =>
    [
        new("Insuffisance cardiaque : suivi à domicile après hospitalisation", "Insuffisance cardiaque", ["10", "60", "70", "21", "95"],
            "Groupe de travail Insuffisance cardiaque", StatutsProtocole.Valide,
            [
                new("c.vasseur@demo.opencpts.fr", 320, "Première rédaction par le groupe de travail", InsuffisanceCardiaque(avecKine: false, avecTableau: false)),
                new("j.lemaitre@demo.opencpts.fr", 190, "Ajout de la réadaptation à l'effort (kinésithérapie)", InsuffisanceCardiaque(avecKine: true, avecTableau: false)),
                new("c.vasseur@demo.opencpts.fr", 45, "Tableau des signes d'alerte après la réunion du groupe", InsuffisanceCardiaque(avecKine: true, avecTableau: true)),
            ]),
        new("Plaies chroniques : ulcère de jambe et escarre", "Plaies chroniques", ["10", "60", "21", "80"],
            "Groupe de travail Plaies et cicatrisation", StatutsProtocole.Valide,
            [
                new("m.renaud@demo.opencpts.fr", 260, "Première rédaction", PlaiesChroniques(avecEscarre: false)),
                new("m.renaud@demo.opencpts.fr", 80, "Ajout de la prévention et du suivi des escarres", PlaiesChroniques(avecEscarre: true)),
            ]),
        new("Anticoagulants AVK : surveillance de l'INR", "Traitement par antivitamine K (AVK)", ["10", "21", "60"],
            "Groupe de travail Iatrogénie médicamenteuse", StatutsProtocole.Valide,
            [
                new("a.girard@demo.opencpts.fr", 400, "Première rédaction", Avk(avecInteractions: false)),
                new("p.moulin@demo.opencpts.fr", 120, "Interactions médicamenteuses et rôle du pharmacien", Avk(avecInteractions: true)),
            ]),
        new("Lombalgie commune : prise en charge en ville", "Lombalgie", ["10", "70", "21"],
            "Groupe de travail Musculo-squelettique", StatutsProtocole.Brouillon,
            [
                new("t.benard@demo.opencpts.fr", 12, "Projet soumis au groupe de travail", Lombalgie()),
            ]),
        new("Diabète de type 2 : suivi coordonné", "Diabète de type 2", ["10", "60", "21", "80", "95"],
            "Groupe de travail Maladies chroniques", StatutsProtocole.Valide,
            [
                new("s.klein@demo.opencpts.fr", 150, "Première rédaction validée par le groupe", Diabete()),
            ]),
    ];

    private static string InsuffisanceCardiaque(bool avecKine, bool avecTableau)
    {
        var texte = new StringBuilder("""
            ## Objectif

            Éviter la réhospitalisation dans les trois mois qui suivent une décompensation cardiaque, en organisant
            autour du patient une surveillance de ville coordonnée entre le **médecin traitant**, l'**infirmier**
            et le **pharmacien**.

            ## Patients concernés

            - Sortie d'hospitalisation pour insuffisance cardiaque, quel que soit l'âge ;
            - ou insuffisance cardiaque connue avec une prise de poids inexpliquée.

            ## Surveillance à domicile

            1. **Pesée chaque matin**, à jeun, après avoir uriné, sur la même balance ; noter le poids dans le carnet.
            2. Tension artérielle, fréquence cardiaque, œdèmes des membres inférieurs, essoufflement (échelle NYHA).
            3. Observance du traitement : diurétique, IEC ou ARA2, bêtabloquant ; pas d'arrêt sans avis médical.
            4. Régime **pauvre en sel** (moins de 6 g par jour), sans restriction hydrique systématique.

            ## Rôle de chacun

            | Professionnel | Quand | Ce qu'il fait |
            | --- | --- | --- |
            | Infirmier | J2 puis chaque semaine | Poids, constantes, éducation, transmission au médecin |
            | Médecin traitant | Dans les 7 jours | Consultation de sortie, adaptation du diurétique |
            | Pharmacien | Dans le mois | Bilan partagé de médication, automédication à éviter (AINS) |

            """);
        if (avecKine)
        {
            texte.Append("""

                ## Réadaptation à l'effort

                Le masseur-kinésithérapeute propose une réadaptation progressive (marche, renforcement) dès la
                troisième semaine, après accord du médecin traitant. Arrêt de la séance si douleur thoracique,
                malaise ou essoufflement inhabituel.

                """);
        }
        if (avecTableau)
        {
            texte.Append("""

                ## Signes d'alerte : qui appeler

                | Signe | Conduite à tenir |
                | --- | --- |
                | Prise de **2 kg en 3 jours** | Appeler le médecin traitant le jour même |
                | Essoufflement au moindre effort ou en position allongée | Consultation médicale dans la journée |
                | Douleur thoracique, malaise, syncope | **Appeler le 15** |

                """);
        }
        texte.Append("""

            ## Références

            - HAS, *Guide du parcours de soins : insuffisance cardiaque* (2014).
            - Carnet de suivi du poids joint à ce protocole.
            """);
        return texte.ToString();
    }

    private static string PlaiesChroniques(bool avecEscarre)
    {
        var texte = new StringBuilder("""
            ## Objectif

            Harmoniser la prise en charge des plaies qui ne cicatrisent pas en **six semaines** : même évaluation,
            mêmes pansements de référence, recours à l'avis spécialisé au bon moment.

            ## Ulcère de jambe

            1. Mesurer l'**index de pression systolique** (IPS) avant toute compression :
               - IPS entre 0,9 et 1,3 : compression forte possible ;
               - IPS entre 0,7 et 0,9 : compression adaptée, avis du médecin ;
               - IPS inférieur à 0,7 : **pas de compression**, avis vasculaire.
            2. Nettoyer au sérum physiologique, détersion mécanique si besoin.
            3. Choisir le pansement selon l'aspect de la plaie (fibrine, bourgeonnement, exsudat).
            4. Photographier et mesurer la plaie **chaque semaine** (longueur × largeur).

            ## Quand demander un avis

            - Absence de réduction de la surface après 4 à 6 semaines ;
            - signes d'infection (érysipèle, fièvre) ;
            - douleur inhabituelle ou plaie atypique.

            """);
        if (avecEscarre)
        {
            texte.Append("""

                ## Escarres

                - Évaluer le risque à domicile (échelle de Braden) à chaque changement d'état.
                - Matelas ou coussin d'aide à la prévention dès que le risque est moyen.
                - Changements de position toutes les 2 à 3 heures, soins de peau, apport protéique suffisant.

                """);
        }
        texte.Append("""

            ## Références

            - HAS, *Prise en charge de l'ulcère de jambe à prédominance veineuse* (2006).
            """);
        return texte.ToString();
    }

    private static string Avk(bool avecInteractions)
    {
        var texte = new StringBuilder("""
            ## Objectif

            Réduire les accidents hémorragiques et thrombotiques des patients sous **antivitamine K** (warfarine,
            fluindione, acénocoumarol) par une surveillance de l'INR partagée entre le laboratoire, le médecin,
            l'infirmier et le pharmacien.

            ## INR cible

            - La plupart des indications (fibrillation atriale, maladie thromboembolique) : **INR entre 2 et 3**.
            - Valve mécanique : cible fixée par le cardiologue, souvent **entre 2,5 et 3,5**.

            ## Rythme des contrôles

            - Au moins **une fois par mois** une fois l'équilibre atteint ;
            - 3 à 5 jours après tout changement de dose, d'un autre traitement ou un épisode intercurrent (fièvre, diarrhée).

            ## INR hors de la cible

            | INR mesuré | Conduite à tenir |
            | --- | --- |
            | Inférieur à la cible | Avis du médecin : ajustement de dose, contrôle sous 3 à 5 jours |
            | Entre la cible et 6 | Avis du médecin le jour même, saut ou réduction de dose |
            | Supérieur à 6, ou saignement | **Appel du médecin sans délai** ; saignement grave : **15** |

            Le **carnet AVK** est tenu à jour à chaque contrôle et présenté à chaque professionnel.

            """);
        if (avecInteractions)
        {
            texte.Append("""

                ## Interactions et automédication

                Le pharmacien vérifie toute nouvelle prescription et l'automédication : **pas d'aspirine ni d'AINS**,
                prudence avec certains antibiotiques et antifongiques, le millepertuis. Un nouvel antibiotique
                justifie un INR de contrôle dans les 3 à 5 jours. Le bilan partagé de médication est proposé chaque année.

                """);
        }
        texte.Append("""

            ## Références

            - ANSM, *Bon usage des médicaments antivitamine K*.
            """);
        return texte.ToString();
    }

    private static string Lombalgie() => """
        ## Objectif

        Éviter le passage à la chronicité de la lombalgie commune : message cohérent de tous les professionnels,
        **maintien des activités**, imagerie seulement si elle change la prise en charge.

        ## Rechercher les drapeaux rouges

        - Fièvre, altération de l'état général, antécédent de cancer ;
        - déficit neurologique, troubles sphinctériens (syndrome de la queue de cheval : **urgence**) ;
        - traumatisme important, ostéoporose connue, âge de plus de 50 ans avec douleur d'apparition récente.

        En leur absence, **pas d'imagerie** lors d'une première crise.

        ## Prise en charge

        1. Expliquer le caractère bénin et l'évolution favorable en quelques semaines.
        2. Encourager la reprise de la marche et des activités habituelles ; éviter le repos au lit.
        3. Antalgiques de palier 1 si besoin, sur une courte durée.
        4. Kinésithérapie **active** (exercices, éducation) si la douleur persiste au-delà de 4 semaines.

        ## À discuter par le groupe de travail

        - Place de l'activité physique adaptée ;
        - repérage des facteurs de risque de chronicité (questionnaire STarT Back).

        ## Références

        - HAS, *Prise en charge du patient présentant une lombalgie commune* (2019).
        """;

    private static string Diabete() => """
        ## Objectif

        Coordonner le suivi des patients diabétiques de type 2 pour prévenir les complications : équilibre
        glycémique, pieds, yeux, reins, cœur.

        ## Calendrier de suivi

        | Examen | Fréquence | Qui |
        | --- | --- | --- |
        | HbA1c | Tous les 3 mois | Médecin traitant (prescription), laboratoire |
        | Examen des pieds, gradation du risque podologique | Chaque année, à chaque consultation si grade 2 ou 3 | Médecin, infirmier, pédicure-podologue |
        | Rétinographie | Tous les 2 ans si équilibré et sans rétinopathie | Orthoptiste ou ophtalmologiste |
        | Créatininémie (DFG) et albuminurie | Chaque année | Médecin traitant |

        ## Éducation

        - Alimentation équilibrée et activité physique régulière, avec le diététicien si besoin ;
        - autosurveillance glycémique seulement quand le traitement l'exige (insuline, sulfamides) ;
        - **soins des pieds** : inspection quotidienne, chaussage adapté, pas de coricide.

        ## Rôle du pharmacien

        Vérifier l'observance, expliquer la conduite à tenir en cas d'hypoglycémie, proposer l'entretien
        pharmaceutique et signaler au médecin toute difficulté de prise.

        ## Références

        - HAS, *Stratégie thérapeutique du patient vivant avec un diabète de type 2* (2024).
        """;
}
