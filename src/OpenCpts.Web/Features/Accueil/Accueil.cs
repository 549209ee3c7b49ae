namespace OpenCpts.Web.Features.Accueil;

public static class Accueil
{
    public static WebApplication MapAccueil(this WebApplication app) => app;
}
