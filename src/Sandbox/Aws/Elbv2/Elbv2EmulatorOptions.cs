namespace RolloutWorkflows.Sandbox.Aws.Elbv2;

/// <summary>Options of the <see cref="Elbv2Emulator"/>; the defaults mirror AWS's documented example limits.</summary>
public sealed class Elbv2EmulatorOptions
{
    /// <summary>The default test access key id.</summary>
    public const string DefaultAccessKey = "AKIDSANDBOX";

    /// <summary>The default test secret key.</summary>
    public const string DefaultSecretKey = "sandbox-secret";

    /// <summary>Gets or sets the region requests must be signed for.</summary>
    public string Region { get; set; } = "us-west-2";

    /// <summary>Gets or sets the account of the store and of the default credential.</summary>
    public string AccountId { get; set; } = "123456789012";

    /// <summary>Gets or sets the loopback port; 0 picks a free one.</summary>
    public int Port { get; set; }

    /// <summary>Gets or sets the accepted credentials; by default <see cref="DefaultAccessKey"/>/<see cref="DefaultSecretKey"/>.</summary>
    public IList<Elbv2Credential> Credentials { get; set; } = [new(DefaultAccessKey, DefaultSecretKey, "123456789012")];

    /// <summary>Gets or sets the burst of each account's token bucket (AWS example: 40).</summary>
    public int BucketCapacity { get; set; } = 40;

    /// <summary>Gets or sets the refill rate of each account's token bucket (AWS example: 10 per second).</summary>
    public double BucketRefillPerSecond { get; set; } = 10;

    /// <summary>Gets or sets the largest accepted difference between the signing time and now (AWS: 15 minutes).</summary>
    public TimeSpan MaxClockSkew { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Gets or sets the clock of the token bucket, signature expiry and target health.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Gets or sets the seed of the fault dice, so fault runs are reproducible.</summary>
    public int FaultSeed { get; set; } = 1;

    /// <summary>Gets or sets an existing store to serve; a new empty one is created when null.</summary>
    public Elbv2Store? Store { get; set; }
}
