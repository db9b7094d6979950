namespace RolloutWorkflows.Workflows.Validation;

/// <summary>Collects validation problems with small helpers for the common checks.</summary>
internal sealed class ProblemList
{
    private readonly List<ValidationProblem> items = [];

    public IReadOnlyList<ValidationProblem> Items => items;

    public void Add(string path, string message) => items.Add(new ValidationProblem(path, message));

    /// <summary>Checks a Service name: required (when <paramref name="required"/>) and RFC 1123 shaped.</summary>
    public void ServiceName(string path, string? name, bool required, string whatFor)
    {
        if (string.IsNullOrEmpty(name))
        {
            if (required)
            {
                Add(path, $"required: {whatFor}");
            }

            return;
        }

        if (!KubernetesNames.IsLabel(name))
        {
            Add(path, $"\"{name}\" is not a valid Service name: use lowercase letters, digits and '-', at most 63 characters");
        }
    }

    public void Range(string path, int? value, int min, int max)
    {
        if (value is { } v && (v < min || v > max))
        {
            Add(path, $"must be between {min} and {max}, got {v}");
        }
    }

    public void NotNegative(string path, int? value)
    {
        if (value is < 0)
        {
            Add(path, $"must be 0 or more, got {value}");
        }
    }
}
