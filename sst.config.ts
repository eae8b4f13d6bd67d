/// <reference path="./.sst/platform/config.d.ts" />

export default $config({
  app(input) {
    const production = input?.stage === "production";
    return {
      name: "roster",
      home: "aws",
      // Production keeps its data if removed and refuses `sst remove`;
      // previews and personal stages go away whole.
      removal: production ? "retain" : "remove",
      protect: production,
      providers: { aws: { version: "7.20.0" } },
    };
  },
  async run() {
    await import("./infra/network");
    const { database } = await import("./infra/database");
    const { photos } = await import("./infra/storage");
    await import("./infra/secrets");
    const { migrator } = await import("./infra/migrations");
    const { realtime } = await import("./infra/realtime");
    const { worker } = await import("./infra/worker");
    await import("./infra/dev");
    const { api } = await import("./infra/api");
    const { web } = await import("./infra/web");
    return {
      web: web.url,
      api: api.url,
      realtime: realtime.url,
      photos: photos.name,
      database: database.host,
      worker: worker.taskDefinition,
      migrator: migrator.name,
    };
  },
});
