using OpenCpts.Web.Features.Accueil;
using OpenCpts.Web.Features.Annuaire;
using OpenCpts.Web.Features.Comptes;
using OpenCpts.Web.Features.Demo;
using OpenCpts.Web.Features.Import;
using OpenCpts.Web.Features.MedecinTraitant;
using OpenCpts.Web.Features.Notifications;
using OpenCpts.Web.Features.Parcours;
using OpenCpts.Web.Features.Sas;
using OpenCpts.Web.Features.SoinsNonProgrammes;
using OpenCpts.Web.Features.Territoire;
using OpenCpts.Web.Infrastructure.Cli;
using OpenCpts.Web.Infrastructure.Data;
using OpenCpts.Web.Infrastructure.Messages;
using OpenCpts.Web.Infrastructure.Web;

// The same executable is the web platform and the CLI (`-- migrate`, `-- import rpps FILE`…).
var commande = LigneDeCommande.Analyser(args);

var builder = WebApplication.CreateBuilder(commande?.ArgumentsDeConfiguration ?? args);
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddDonnees(builder.Configuration);
builder.Services.AddPlateformeWeb(builder.Configuration, builder.Environment);
builder.Services.AddComptes(builder.Configuration);
builder.Services.AddTerritoire();
builder.Services.AddAnnuaire();
builder.Services.AddImport();
builder.Services.AddSoinsNonProgrammes();
builder.Services.AddMedecinTraitant();
builder.Services.AddParcours();
builder.Services.AddNotifications();
builder.Services.AddEnvoiMessages(builder.Configuration);
OpenCpts.Web.Infrastructure.Geocodage.ClientBan.AddClientBan(builder.Services, builder.Configuration);
builder.Services.AddSas(builder.Configuration);
builder.Services.AddDemo(builder.Configuration);

var app = builder.Build();

if (commande is not null)
{
    return await commande.ExecuterAsync(app);
}

app.UsePlateformeWeb();
app.MapComptes();
app.MapAccueil();
app.MapTerritoire();
app.MapAnnuaire();
app.MapImport();
app.MapSoinsNonProgrammes();
app.MapMedecinTraitant();
app.MapParcours();
app.MapSas();

await app.PreparerBaseAsync();
app.AnnoncerDemarrage();
await app.RunAsync();
return 0;

/// <summary>Entry point, public for WebApplicationFactory in the tests.</summary>
public partial class Program;
