import * as z from "zod";

/** The names `sst.config.ts` links resources under; the apps read these. */
export const LINK = {
  database: "Database",
  photos: "Photos",
  api: "Api",
  realtime: "Realtime",
  worker: "Worker",
  web: "Web",
  sessionSecret: "SessionSecret",
  oidcIssuer: "OidcIssuer",
  oidcClientId: "OidcClientId",
  oidcClientSecret: "OidcClientSecret",
} as const;

/** `sst.aws.Postgres`: with a proxy, `host` is the proxy's endpoint. */
export const DatabaseLink = z.object({
  host: z.string().min(1),
  port: z.coerce.number().int().positive(),
  username: z.string().min(1),
  password: z.string().min(1),
  database: z.string().min(1),
});

/** `sst.aws.Bucket`. */
export const BucketLink = z.object({ name: z.string().min(1) });

/** `sst.aws.ApiGatewayWebSocket`. */
export const WebSocketLink = z.object({
  url: z.string().min(1),
  managementEndpoint: z.string().min(1),
});

/** `sst.aws.Task`: what an ECS RunTask call needs. */
export const TaskLink = z.object({
  cluster: z.string().min(1),
  taskDefinition: z.string().min(1),
  containers: z.array(z.string().min(1)).min(1),
  subnets: z.array(z.string().min(1)).min(1),
  securityGroups: z.array(z.string().min(1)),
  assignPublicIp: z.boolean(),
});

/** `sst.Secret`. */
export const SecretLink = z.object({ value: z.string().min(1) });

export type DatabaseLink = z.infer<typeof DatabaseLink>;
export type TaskLink = z.infer<typeof TaskLink>;
