namespace RolloutWorkflows.Sandbox.Aws.Tests.Elbv2;

using Microsoft.Extensions.Time.Testing;
using RolloutWorkflows.Sandbox.Aws.Elbv2;

public sealed class SigV4VerifierTests
{
    // The "get-vanilla" case of AWS's published SigV4 test suite.
    internal const string VanillaAuthorization =
        "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, "
        + "Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31";

    internal static readonly Elbv2Credential Example = new("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "123456789012");

    [Fact]
    public void Verify_AwsTestSuiteGetVanilla_Accepted()
    {
        var verifier = Verifier();

        var credential = verifier.Verify(Request(VanillaAuthorization));

        Assert.Equal("AKIDEXAMPLE", credential.AccessKeyId);
    }

    [Fact]
    public void Verify_GetVanillaWithOneSignatureDigitChanged_Rejected()
    {
        var verifier = Verifier();

        var error = Assert.Throws<Elbv2Exception>(() => verifier.Verify(Request(VanillaAuthorization.Replace("fbf31", "fbf32", StringComparison.Ordinal))));

        Assert.Equal("SignatureDoesNotMatch", error.Code);
    }

    [Fact]
    public void Verify_CredentialWithoutScope_IncompleteSignature()
    {
        var verifier = Verifier();

        var error = Assert.Throws<Elbv2Exception>(() => verifier.Verify(Request("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE, SignedHeaders=host, Signature=00")));

        Assert.Equal("IncompleteSignature", error.Code);
    }

    private static SigV4Verifier Verifier() =>
        new([Example], "us-east-1", "service", new FakeTimeProvider(new DateTimeOffset(2015, 8, 30, 12, 36, 0, TimeSpan.Zero)), TimeSpan.FromMinutes(15));

    private static Elbv2HttpRequest Request(string authorization) => new(
        "GET",
        "/",
        "",
        new Dictionary<string, IReadOnlyList<string>>
        {
            ["host"] = ["example.amazonaws.com"],
            ["x-amz-date"] = ["20150830T123600Z"],
            ["authorization"] = [authorization],
        },
        []);
}
