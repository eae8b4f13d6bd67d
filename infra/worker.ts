import { database } from "./database";
import { vpc } from "./network";
import { realtime } from "./realtime";
import { companyDomain } from "./settings";
import { isProduction } from "./stage";
import { photos } from "./storage";

export const cluster = new sst.aws.Cluster("Cluster", { vpc });

/**
 * The batch worker: photo processing (sharp, face detection) and imports,
 * one job per task, launched by the API with ECS RunTask. It is built from
 * its Dockerfile with the repository as the build context.
 *
 * Egress: in an SST VPC a task runs in the public subnets with a public
 * IP, so it pulls its image from ECR, ships logs and reaches S3 and the
 * WebSocket management API through the internet gateway, without NAT; it
 * reaches the database proxy inside the VPC through the VPC's security
 * group. Nothing can connect to it: it has no inbound rule from outside.
 */
export const worker = new sst.aws.Task("Worker", {
  cluster,
  image: { context: ".", dockerfile: "apps/worker/Dockerfile" },
  cpu: isProduction ? "1 vCPU" : "0.5 vCPU",
  memory: isProduction ? "2 GB" : "1 GB",
  link: [database, photos, realtime],
  environment: {
    ROSTER_DB_MAX_CONNECTIONS: "2",
    ROSTER_COMPANY_DOMAIN: companyDomain,
  },
  // `sst dev` runs each launched job on the developer's machine instead.
  dev: { command: "pnpm --filter @roster/worker start" },
});
