namespace RolloutWorkflows.Activities.Tests.Aws;

using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

/// <summary>A loopback STS answering AssumeRoleWithWebIdentity with fixed temporary credentials, recording request bodies.</summary>
public sealed class StsStandIn : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly List<string> bodies = [];

    private StsStandIn(WebApplication app, Uri endpoint)
    {
        this.app = app;
        Endpoint = endpoint;
    }

    public const string AccessKeyId = "ASIASANDBOXIRSA";

    public const string SecretAccessKey = "irsa-secret";

    public Uri Endpoint { get; }

    public IReadOnlyList<string> Bodies
    {
        get
        {
            lock (bodies)
            {
                return [.. bodies];
            }
        }
    }

    public static async Task<StsStandIn> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        StsStandIn? self = null;
        app.Run(async context =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync(context.RequestAborted);
            lock (self!.bodies)
            {
                self.bodies.Add(body);
            }

            context.Response.ContentType = "text/xml";
            await context.Response.WriteAsync(Answer(), context.RequestAborted);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        self = new StsStandIn(app, new Uri(address));
        return self;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private static string Answer() => $"""
        <AssumeRoleWithWebIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
          <AssumeRoleWithWebIdentityResult>
            <SubjectFromWebIdentityToken>system:serviceaccount:rollouts:controller</SubjectFromWebIdentityToken>
            <Audience>sts.amazonaws.com</Audience>
            <AssumedRoleUser><Arn>arn:aws:sts::123456789012:assumed-role/rollouts/test</Arn><AssumedRoleId>AROASANDBOX:test</AssumedRoleId></AssumedRoleUser>
            <Credentials>
              <SessionToken>irsa-session-token</SessionToken>
              <SecretAccessKey>{SecretAccessKey}</SecretAccessKey>
              <Expiration>{DateTime.UtcNow.AddHours(1).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)}</Expiration>
              <AccessKeyId>{AccessKeyId}</AccessKeyId>
            </Credentials>
            <Provider>oidc.eks.us-west-2.amazonaws.com</Provider>
          </AssumeRoleWithWebIdentityResult>
          <ResponseMetadata><RequestId>{Guid.NewGuid()}</RequestId></ResponseMetadata>
        </AssumeRoleWithWebIdentityResponse>
        """;
}
