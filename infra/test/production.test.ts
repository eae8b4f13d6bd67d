import { beforeAll, describe, expect, it } from "vitest";
import { type DeclaredStage, declareStage } from "./declare-stage";
import { ofType, resource } from "./queries";

let stage: DeclaredStage;
beforeAll(async () => {
  stage = await declareStage("production");
});

describe("the production stage", () => {
  it("refuses `sst remove` and keeps its data if removed", () => {
    expect(stage.app).toMatchObject({ removal: "retain", protect: true });
    expect(stage.outputs._protect).toBe(true);
  });

  it("protects the database from deletion and keeps backups", () => {
    const db = resource(stage, "aws:rds/instance:Instance", "DatabaseInstance");
    expect(db.inputs).toMatchObject({
      deletionProtection: true,
      backupRetentionPeriod: 14,
      skipFinalSnapshot: false,
      finalSnapshotIdentifier: "roster-production-final",
      copyTagsToSnapshot: true,
      multiAz: true,
      storageEncrypted: true,
    });
  });

  it("uses managed NAT gateways for the Lambdas' egress", () => {
    expect(ofType(stage, "aws:ec2/natGateway:NatGateway")).toHaveLength(2);
    expect(ofType(stage, "aws:ec2/instance:Instance")).toEqual([]);
  });

  it("migrates on every deploy", () => {
    expect(
      resource(stage, "aws:lambda/invocation:Invocation", "MigrateDatabase")
        .inputs.functionName,
    ).toBe(stage.outputs.migrator);
  });
});
