import { vpc } from "./network";
import { isProduction } from "./stage";

/**
 * Postgres on RDS, behind RDS Proxy so that many Lambda containers share
 * a few server connections. Production is Multi-AZ, refuses deletion,
 * keeps two weeks of backups and a final snapshot; other stages get the
 * smallest instance and go without a snapshot when removed.
 *
 * Chosen over Aurora Serverless v2: its minimum capacity bills around the
 * clock at several times a t4g.micro's price, the directory's load is
 * steady office-hours traffic rather than bursts, and the proxy already
 * absorbs Lambda's connection churn.
 */
export const database = new sst.aws.Postgres("Database", {
  vpc,
  proxy: true,
  version: "17",
  instance: isProduction ? "t4g.medium" : "t4g.micro",
  storage: isProduction ? "100 GB" : "20 GB",
  multiAz: isProduction,
  // `sst dev` points the link at a local server instead of RDS.
  dev: {
    host: "127.0.0.1",
    port: 5432,
    username: "postgres",
    password: "password",
    database: "roster",
  },
  transform: {
    instance: (args) => {
      args.deletionProtection = isProduction;
      args.backupRetentionPeriod = isProduction ? 14 : 1;
      args.skipFinalSnapshot = !isProduction;
      if (isProduction) {
        args.finalSnapshotIdentifier = `${$app.name}-${$app.stage}-final`;
        args.copyTagsToSnapshot = true;
      }
    },
  },
});
