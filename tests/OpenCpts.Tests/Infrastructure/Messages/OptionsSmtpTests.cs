using MailKit.Security;
using OpenCpts.Web.Infrastructure.Messages;

namespace OpenCpts.Tests.Infrastructure.Messages;

public class OptionsSmtpTests
{
    [Theory]
    [InlineData(587, false, SecureSocketOptions.StartTls)]
    [InlineData(25, false, SecureSocketOptions.StartTls)]
    [InlineData(465, false, SecureSocketOptions.SslOnConnect)]
    [InlineData(25, true, SecureSocketOptions.None)]
    public void Smtp_requires_TLS_unless_plain_text_is_explicitly_allowed(int port, bool sansTls, SecureSocketOptions attendu) =>
        Assert.Equal(attendu, new OptionsSmtp { Hote = "smtp.exemple.invalid", Port = port, SansTls = sansTls }.Securite);

    [Fact]
    public void Plain_text_is_off_by_default() =>
        Assert.False(new OptionsSmtp().SansTls);
}
