namespace RolloutWorkflows.Sandbox.Aws.Elbv2;

using System.Xml.Linq;
using static RolloutWorkflows.Sandbox.Aws.Elbv2.Elbv2Xml;

/// <summary>DescribeTags: 1..20 ResourceArns of any kind; not paged.</summary>
public static class DescribeTagsOperation
{
    /// <summary>The most ARNs one call accepts.</summary>
    public const int MaxResourceArns = 20;

    /// <summary>Answers the operation's result elements.</summary>
    public static IEnumerable<XElement> Run(Elbv2Store store, QueryParameters query)
    {
        var arns = query.GetList("ResourceArns");
        if (arns.Count == 0)
        {
            throw Elbv2Exception.Validation("1 validation error detected: Value null at 'resourceArns' failed to satisfy constraint: Member must not be null");
        }

        if (arns.Count > MaxResourceArns)
        {
            throw Elbv2Exception.Validation(
                $"1 validation error detected: Value '[{string.Join(", ", arns)}]' at 'resourceArns' failed to satisfy constraint: Member must have length less than or equal to {MaxResourceArns}");
        }

        var missing = arns.FirstOrDefault(a => !store.Exists(a));
        if (missing is not null)
        {
            throw Elbv2Exception.NotFoundFor(missing);
        }

        return [Members("TagDescriptions", arns, arn =>
        [
            E("ResourceArn", arn),
            Members("Tags", store.GetTags(arn), t => [E("Key", t.Key), E("Value", t.Value)]),
        ])];
    }
}
