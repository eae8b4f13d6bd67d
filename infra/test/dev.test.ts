import { beforeAll, describe, expect, it } from "vitest";
import { type DeclaredStage, declareStage } from "./declare-stage";
import { ofType, resource } from "./queries";

let stage: DeclaredStage;
beforeAll(async () => {
  stage = await declareStage("alice", { dev: true });
});

describe("`sst dev` on a personal stage", () => {
  it("can be removed whole", () => {
    expect(stage.app).toMatchObject({ removal: "remove", protect: false });
  });

  it("links the local Postgres instead of RDS", () => {
    const link = resource(stage, "sst:sst:LinkRef", "DatabaseLinkRef");
    expect(link.inputs.properties).toMatchObject({
      host: "127.0.0.1",
      port: 5432,
      database: "roster",
    });
  });

  it("migrates the local database on this machine, not through AWS", () => {
    expect(ofType(stage, "aws:lambda/invocation:Invocation")).toEqual([]);
    expect(stage.components.Migrate?._dev).toMatchObject({
      command: "pnpm --filter @roster/api migrate",
      links: ["Database"],
      autostart: true,
    });
  });

  it("runs launched worker jobs locally", () => {
    expect(stage.components.Worker?._task).toMatchObject({
      command: "pnpm --filter @roster/worker start",
    });
  });

  it("starts the web UI's dev server with the live URLs", () => {
    expect(stage.components.Web?._dev).toMatchObject({
      command: "pnpm run dev",
      environment: {
        ROSTER_API_URL: expect.stringMatching(/^https:\/\//),
        VITE_ROSTER_API_URL: expect.stringMatching(/^https:\/\//),
        VITE_ROSTER_REALTIME_URL: expect.stringMatching(/^wss:\/\//),
      },
    });
  });
});
