import { isProduction } from "./stage";

/**
 * Two availability zones, as RDS and Fargate need. The Lambdas sit in the
 * private subnets beside the database and reach AWS's public endpoints
 * (the WebSocket management API, ECS) through NAT: managed NAT gateways in
 * production, one small fck-nat instance per zone elsewhere, about a tenth
 * of the price. The worker task needs neither: it runs in the public
 * subnets with a public IP (see `worker.ts`).
 */
export const vpc = new sst.aws.Vpc("Network", {
  nat: isProduction ? "managed" : "ec2",
});
