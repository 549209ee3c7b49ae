namespace OpenCpts.Tests.Features.Comptes;

public class TotpTests
{
    // RFC 6238 appendix B, SHA-1 secret "12345678901234567890", truncated to 6 digits.
    [Theory]
    [InlineData(59L, "287082")]
    [InlineData(1111111109L, "081804")]
    [InlineData(1234567890L, "005924")]
    [InlineData(20000000000L, "353130")]
    public void The_test_helper_matches_the_RFC_6238_vectors(long secondes, string attendu) =>
        Assert.Equal(attendu, Totp.Code("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", DateTimeOffset.FromUnixTimeSeconds(secondes)));
}
