namespace RolloutWorkflows.Workflows.Tests.Contracts;

using System.Reflection;
using RolloutWorkflows.Activities.Rollout;
using RolloutWorkflows.Workflows.Contracts;
using Temporalio.Activities;

public class ActivityNameTests
{
    public static TheoryData<Type> ActivityClasses()
    {
        var data = new TheoryData<Type>();
        foreach (var type in RolloutActivitiesServiceCollectionExtensions.ActivityTypes)
        {
            data.Add(type);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ActivityClasses))]
    public void Implementation_RepeatsTheContractActivityNames(Type implementation)
    {
        // Workflows call activities through the interface, so the registered names must be the interface's.
        foreach (var contract in implementation.GetInterfaces().Where(i => i.Namespace == typeof(Names).Namespace))
        {
            var map = implementation.GetInterfaceMap(contract);
            for (var i = 0; i < map.InterfaceMethods.Length; i++)
            {
                var expected = map.InterfaceMethods[i].GetCustomAttribute<ActivityAttribute>()?.Name;
                Assert.NotNull(expected);
                var actual = map.TargetMethods[i].GetCustomAttribute<ActivityAttribute>()?.Name;
                Assert.Equal(expected, actual);
            }
        }
    }

    [Fact]
    public void Names_AreUnique()
    {
        var values = typeof(Names).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && !f.Name.EndsWith("Error", StringComparison.Ordinal))
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToList();

        Assert.Equal(values.Count, values.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void ContractInterfaces_EveryMethodHasAPinnedActivityName()
    {
        var contracts = typeof(Names).Assembly.GetTypes().Where(t => t.IsInterface && t.Namespace == typeof(Names).Namespace);

        foreach (var method in contracts.SelectMany(c => c.GetMethods()))
        {
            var name = method.GetCustomAttribute<ActivityAttribute>()?.Name;
            Assert.False(string.IsNullOrEmpty(name), $"{method.DeclaringType!.Name}.{method.Name} has no [Activity(Names.X)]");
        }
    }
}
