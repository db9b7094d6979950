# The rollouts worker: the same project `dotnet publish src/Worker` builds.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
RUN dotnet publish src/Worker/RolloutWorkflows.Worker.csproj -c Release -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app .
USER 64198
ENTRYPOINT ["./rollouts"]
CMD ["worker"]
