namespace OpenCpts.Web.Infrastructure.Fichiers;

/// <summary>
/// The files users may store on the platform (team attachments, protocol documents): PDF, PNG and JPEG. A file is
/// accepted only when its declared type is one of those AND its first bytes are those of that type, so that a page
/// or a program renamed ".pdf" is refused.
/// </summary>
public static class FichiersAcceptes
{
    public const string Pdf = "application/pdf";
    public const string Png = "image/png";
    public const string Jpeg = "image/jpeg";

    /// <summary>For the <c>accept</c> attribute of file inputs.</summary>
    public const string Accept = ".pdf,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg";

    /// <summary>The accepted type a declared content type stands for (browsers also send image/jpg, image/pjpeg), or null.</summary>
    public static string? TypeDeclare(string? typeContenu) =>
        (typeContenu ?? "").Split(';')[0].Trim().ToLowerInvariant() switch
        {
            Pdf => Pdf,
            Png => Png,
            Jpeg or "image/jpg" or "image/pjpeg" => Jpeg,
            _ => null,
        };

    /// <summary>The accepted type recognised from the first bytes (magic numbers), or null.</summary>
    public static string? TypeReconnu(ReadOnlySpan<byte> debut)
    {
        if (debut.StartsWith("%PDF-"u8))
        {
            return Pdf;
        }
        if (debut.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return Png;
        }
        if (debut.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return Jpeg;
        }
        return null;
    }

    /// <summary>The file name extensions of an accepted type.</summary>
    public static IReadOnlyList<string> Extensions(string type) => type switch
    {
        Pdf => [".pdf"],
        Png => [".png"],
        _ => [".jpg", ".jpeg"],
    };

    /// <summary>"PDF", "PNG" or "JPEG".</summary>
    public static string Libelle(string type) => type switch
    {
        Pdf => "PDF",
        Png => "PNG",
        _ => "JPEG",
    };

    /// <summary>The file name without any path, control or quote characters, 200 characters at most (extension kept).</summary>
    public static string NomSur(string? nom, string defaut = "fichier")
    {
        var n = Path.GetFileName((nom ?? "").Replace('\\', '/'));
        n = new string([.. n.Where(c => !char.IsControl(c) && c is not '"' and not '/' and not '\\')]).Trim();
        if (n.Length == 0)
        {
            n = defaut;
        }
        if (n.Length > 200)
        {
            var ext = Path.GetExtension(n);
            n = n[..(200 - Math.Min(ext.Length, 20))] + (ext.Length <= 20 ? ext : "");
        }
        return n;
    }
}
