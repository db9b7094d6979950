namespace RolloutWorkflows.Sandbox.Kubernetes.Controllers;

using System.Net;

/// <summary>
/// Hands out pod IPs from 198.18.0.0/15, the benchmarking range (RFC 2544): these addresses are data
/// only; nothing is ever sent to them. Addresses are not reused within a sandbox's lifetime.
/// </summary>
public sealed class PodIpAllocator
{
    private static uint Base => (198u << 24) | (18u << 16);

    private static uint Size => 1u << 17;

    private readonly Lock gate = new();
    private uint next = 2;

    public string Allocate()
    {
        lock (gate)
        {
            var offset = next;
            next = next + 1 >= Size - 1 ? 2 : next + 1;
            var value = Base + offset;
            return new IPAddress([(byte)(value >> 24), (byte)(value >> 16), (byte)(value >> 8), (byte)value]).ToString();
        }
    }
}
