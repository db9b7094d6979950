namespace RolloutWorkflows.Activities.Tests.Aws;

using System.Net;
using RolloutWorkflows.Activities.Aws;

public class Elbv2ResponseParserTests
{
    public const string Ns = "http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/";
    public const string Stable = "arn:aws:elasticloadbalancing:us-west-2:123456789012:targetgroup/k8s-default-webstabl-4c1a2b3d5e/73e2d6bc24d8a067";
    public const string Canary = "arn:aws:elasticloadbalancing:us-west-2:123456789012:targetgroup/k8s-default-webcanar-7f8e9d0c1b/2453ed029918f21f";

    [Fact]
    public void Rules_ForwardConfigWithWeightsAndDefaultRule_ParsesWeightsPriorityAndStickiness()
    {
        var body = $"""
            <DescribeRulesResponse xmlns="{Ns}"><DescribeRulesResult><Rules>
              <member><RuleArn>rule-1</RuleArn><Priority>1</Priority><IsDefault>false</IsDefault>
                <Conditions><member><Field>path-pattern</Field><Values><member>/*</member></Values>
                  <PathPatternConfig><Values><member>/*</member></Values></PathPatternConfig></member></Conditions>
                <Actions><member><Type>forward</Type><Order>1</Order><ForwardConfig><TargetGroups>
                  <member><TargetGroupArn>{Stable}</TargetGroupArn><Weight>90</Weight></member>
                  <member><TargetGroupArn>{Canary}</TargetGroupArn><Weight>10</Weight></member>
                </TargetGroups><TargetGroupStickinessConfig><Enabled>false</Enabled></TargetGroupStickinessConfig></ForwardConfig></member></Actions>
                <SomethingNew>ignored</SomethingNew></member>
              <member><RuleArn>rule-default</RuleArn><Priority>default</Priority><IsDefault>true</IsDefault><Conditions/>
                <Actions><member><Type>fixed-response</Type><Order>1</Order><FixedResponseConfig><StatusCode>404</StatusCode></FixedResponseConfig></member></Actions></member>
            </Rules></DescribeRulesResult><ResponseMetadata><RequestId>r-1</RequestId></ResponseMetadata></DescribeRulesResponse>
            """;

        var result = Elbv2ResponseParser.ParseResult("DescribeRules", body, HttpStatusCode.OK);
        var rules = Elbv2ResponseParser.Rules(result);

        Assert.Equal("r-1", result.RequestId);
        Assert.Null(result.NextMarker);
        Assert.Equal(["1", "default"], rules.Select(r => r.Priority));
        Assert.True(rules[1].IsDefault);
        Assert.Equal(["/*"], rules[0].Conditions.Single().Values);
        var forward = rules[0].Actions.Single();
        Assert.Equal([(Stable, (int?)90), (Canary, (int?)10)], forward.ForwardTargets.Select(t => (t.TargetGroupArn, t.Weight)));
        Assert.False(forward.ForwardConfig!.StickinessEnabled);
        Assert.Empty(rules[1].Actions.Single().ForwardTargets);
    }

    [Fact]
    public void Rules_LegacyTargetGroupArnOnly_IsOneForwardTarget()
    {
        var body = $"""
            <DescribeRulesResponse xmlns="{Ns}"><DescribeRulesResult><Rules><member><RuleArn>r</RuleArn><Priority>3</Priority>
            <Actions><member><Type>forward</Type><TargetGroupArn>{Stable}</TargetGroupArn></member></Actions></member></Rules>
            <NextMarker>bmV4dA==</NextMarker></DescribeRulesResult></DescribeRulesResponse>
            """;

        var result = Elbv2ResponseParser.ParseResult("DescribeRules", body, HttpStatusCode.OK);

        Assert.Equal("bmV4dA==", result.NextMarker);
        Assert.Equal(Stable, Elbv2ResponseParser.Rules(result).Single().Actions.Single().ForwardTargets.Single().TargetGroupArn);
    }

    [Fact]
    public void TargetGroupsTagsHealth_ReferenceExamples_ParseTheFieldsVerificationUses()
    {
        var groups = Elbv2ResponseParser.TargetGroups(Elbv2ResponseParser.ParseResult("DescribeTargetGroups", $"""
            <DescribeTargetGroupsResponse xmlns="{Ns}"><DescribeTargetGroupsResult><TargetGroups><member>
              <TargetGroupArn>{Stable}</TargetGroupArn><TargetGroupName>k8s-default-webstabl-4c1a2b3d5e</TargetGroupName>
              <Protocol>HTTP</Protocol><Port>8080</Port><LoadBalancerArns><member>lb-arn</member></LoadBalancerArns><TargetType>ip</TargetType>
            </member></TargetGroups></DescribeTargetGroupsResult></DescribeTargetGroupsResponse>
            """, HttpStatusCode.OK));
        var tags = Elbv2ResponseParser.Tags(Elbv2ResponseParser.ParseResult("DescribeTags", $"""
            <DescribeTagsResponse xmlns="{Ns}"><DescribeTagsResult><TagDescriptions><member><ResourceArn>{Stable}</ResourceArn><Tags>
              <member><Key>ingress.k8s.aws/resource</Key><Value>default/web-ingress-web-stable:80</Value></member>
            </Tags></member></TagDescriptions></DescribeTagsResult></DescribeTagsResponse>
            """, HttpStatusCode.OK));
        var health = Elbv2ResponseParser.TargetHealth(Elbv2ResponseParser.ParseResult("DescribeTargetHealth", $"""
            <DescribeTargetHealthResponse xmlns="{Ns}"><DescribeTargetHealthResult><TargetHealthDescriptions>
              <member><Target><Id>10.0.2.33</Id><Port>8080</Port></Target><TargetHealth><State>initial</State><Reason>Elb.RegistrationInProgress</Reason></TargetHealth></member>
            </TargetHealthDescriptions></DescribeTargetHealthResult></DescribeTargetHealthResponse>
            """, HttpStatusCode.OK));

        Assert.True(groups.Single().IsIpTargetType);
        Assert.Equal(["lb-arn"], groups.Single().LoadBalancerArns);
        Assert.Equal("default/web-ingress-web-stable:80", tags[Stable]["ingress.k8s.aws/resource"]);
        Assert.Equal(("10.0.2.33:8080", "initial"), (health.Single().Endpoint, health.Single().State));
    }

    [Fact]
    public void ParseError_ThrottlingResponse_IsThrottlingAndTransient()
    {
        var error = Elbv2ResponseParser.ParseError("DescribeRules", $"""
            <ErrorResponse xmlns="{Ns}"><Error><Type>Sender</Type><Code>Throttling</Code><Message>Rate exceeded</Message></Error><RequestId>req-9</RequestId></ErrorResponse>
            """, HttpStatusCode.BadRequest);

        Assert.Equal(("Throttling", "Sender", "req-9", HttpStatusCode.BadRequest), (error.Code, error.ErrorType, error.RequestId, error.StatusCode));
        Assert.True(error.IsThrottling);
        Assert.True(error.IsTransient);
        Assert.False(error.IsNotFound);
    }

    [Fact]
    public void ParseError_NotFoundAndSignatureErrors_AreNotRetriedAndNotFoundIsFlagged()
    {
        var notFound = Elbv2ResponseParser.ParseError("DescribeTargetHealth", "<ErrorResponse><Error><Code>TargetGroupNotFound</Code><Message>x</Message></Error></ErrorResponse>", HttpStatusCode.BadRequest);
        var signature = Elbv2ResponseParser.ParseError("DescribeRules", "<ErrorResponse><Error><Code>SignatureDoesNotMatch</Code><Message>x</Message></Error></ErrorResponse>", HttpStatusCode.Forbidden);

        Assert.True(notFound.IsNotFound);
        Assert.False(notFound.IsTransient);
        Assert.False(signature.IsTransient);
        Assert.False(signature.IsNotFound);
    }

    [Fact]
    public void ParseError_NonXml503_IsTransient()
    {
        var error = Elbv2ResponseParser.ParseError("DescribeRules", "<html>bad gateway</html", HttpStatusCode.ServiceUnavailable);

        Assert.True(error.IsTransient);
        Assert.Equal("ServiceUnavailable", error.Code);
    }

    [Fact]
    public void ParseResult_WrongRootElement_IsTransientMalformedResponse()
    {
        var error = Assert.Throws<Elbv2Exception>(() => Elbv2ResponseParser.ParseResult("DescribeRules", $"<DescribeTagsResponse xmlns=\"{Ns}\"/>", HttpStatusCode.OK));

        Assert.Equal("MalformedResponse", error.Code);
        Assert.True(error.IsTransient);
    }
}
