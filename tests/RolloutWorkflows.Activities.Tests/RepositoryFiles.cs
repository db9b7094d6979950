namespace RolloutWorkflows.Activities.Tests;

/// <summary>Locates files of the repository from the test's output folder.</summary>
internal static class RepositoryFiles
{
    public static string Root
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "RolloutWorkflows.sln")))
            {
                dir = dir.Parent;
            }

            return dir?.FullName ?? throw new InvalidOperationException("RolloutWorkflows.sln not found above " + AppContext.BaseDirectory);
        }
    }

    public static string Read(params string[] parts) => File.ReadAllText(Path.Combine([Root, .. parts]));
}
