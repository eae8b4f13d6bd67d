/** Linked values shaped as SST sets them for a deployed function. */
export const LINKED = {
  App: { name: "roster", stage: "pr-7" },
  Database: {
    host: "roster-pr-7-proxy.proxy-abc.eu-west-1.rds.amazonaws.com",
    port: 5432,
    username: "postgres",
    password: "p@ss:word/1",
    database: "roster",
  },
  Photos: { name: "roster-pr-7-photos-abc" },
  Realtime: {
    url: "wss://ws123.execute-api.eu-west-1.amazonaws.com/$default",
    managementEndpoint: "https://ws123.execute-api.eu-west-1.amazonaws.com",
  },
  Worker: {
    cluster: "arn:aws:ecs:eu-west-1:123:cluster/roster",
    taskDefinition: "arn:aws:ecs:eu-west-1:123:task-definition/worker:3",
    containers: ["Worker"],
    subnets: ["subnet-a", "subnet-b"],
    securityGroups: ["sg-1"],
    assignPublicIp: true,
  },
  SessionSecret: { value: "s3cret" },
  OidcIssuer: { value: "https://login.acme.test" },
  OidcClientId: { value: "roster" },
  OidcClientSecret: { value: "client-s3cret" },
} as const;
