/*
 * The linked resources' types, as `sst deploy` and `sst dev` regenerate
 * this file; committed so that type-checks work without a deploy. Keep it
 * in step with the `link` lists in infra/.
 */
import "sst";

declare module "sst" {
  export interface Resource {
    Api: { type: "sst.aws.ApiGatewayV2"; url: string };
    Database: {
      type: "sst.aws.Postgres";
      database: string;
      host: string;
      password: string;
      port: number;
      username: string;
    };
    Photos: { type: "sst.aws.Bucket"; name: string };
    Realtime: {
      type: "sst.aws.ApiGatewayWebSocket";
      managementEndpoint: string;
      url: string;
    };
    SessionSecret: { type: "sst.sst.Secret"; value: string };
    Web: { type: "sst.aws.StaticSite"; url: string };
    Worker: {
      type: "sst.aws.Task";
      assignPublicIp: boolean;
      cluster: string;
      containers: string[];
      securityGroups: string[];
      subnets: string[];
      taskDefinition: string;
    };
  }
}
