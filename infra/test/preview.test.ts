import { existsSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import {
  COMPANY_DOMAIN,
  type DeclaredStage,
  declareStage,
} from "./declare-stage";
import {
  buildOf,
  id,
  lambdaOf,
  ofType,
  resource,
  roleStatements,
  unwrapSecret,
} from "./queries";

const API = "apps/api/src/lambda/index.handler";
const MIGRATOR = "apps/api/src/lambda/migrate.handler";
const ROUTES = {
  $connect: "apps/realtime/src/lambda.connect",
  $disconnect: "apps/realtime/src/lambda.disconnect",
  $default: "apps/realtime/src/lambda.message",
};
const SWEEP = "apps/realtime/src/lambda.sweep";

let stage: DeclaredStage;
beforeAll(async () => {
  stage = await declareStage("pr-7");
});

const subnetIds = (kind: "Public" | "Private") =>
  ofType(stage, "aws:ec2/subnet:Subnet")
    .filter((s) => s.name.startsWith(`Network${kind}Subnet`))
    .map(id);
const vpcSecurityGroup = () =>
  resource(
    stage,
    "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup",
    "NetworkSecurityGroup",
  );

describe("a pull request's preview stage", () => {
  it("can be removed whole", () => {
    expect(stage.app).toMatchObject({ removal: "remove", protect: false });
    expect(stage.outputs._protect).toBe(false);
  });

  it("runs the smallest database, without deletion protection", () => {
    const db = resource(stage, "aws:rds/instance:Instance", "DatabaseInstance");
    expect(db.inputs).toMatchObject({
      instanceClass: "db.t4g.micro",
      allocatedStorage: 20,
      multiAz: false,
      deletionProtection: false,
      skipFinalSnapshot: true,
      storageEncrypted: true,
    });
  });

  it("has no NAT gateway, only small NAT instances for the Lambdas", () => {
    expect(ofType(stage, "aws:ec2/natGateway:NatGateway")).toEqual([]);
    const nat = ofType(stage, "aws:ec2/instance:Instance");
    expect(nat.map((i) => i.inputs.instanceType)).toEqual([
      "t4g.nano",
      "t4g.nano",
    ]);
  });

  it("runs the worker at its smallest size", () => {
    const task = resource(
      stage,
      "aws:ecs/taskDefinition:TaskDefinition",
      "WorkerTask",
    );
    expect(task.inputs).toMatchObject({ cpu: "512", memory: "1024" });
  });
});

describe("the database", () => {
  it("sits behind RDS Proxy in the private subnets", () => {
    const proxy = resource(stage, "aws:rds/proxy:Proxy", "DatabaseProxy");
    expect(proxy.inputs.vpcSubnetIds).toEqual(subnetIds("Private"));
    expect(stage.outputs.database).toBe(proxy.state.endpoint);
  });

  it("is reached from inside the VPC by every Lambda that links it", () => {
    const linked = stage.builds.filter((b) => "Database" in b.links);
    expect(linked.map((b) => b.handler).sort()).toEqual(
      [API, MIGRATOR, ...Object.values(ROUTES), SWEEP].sort(),
    );
    for (const build of linked) {
      expect(build.links.Database).toMatchObject({
        host: stage.outputs.database,
      });
      expect(lambdaOf(stage, build).inputs.vpcConfig).toEqual({
        subnetIds: subnetIds("Private"),
        securityGroupIds: [id(vpcSecurityGroup())],
      });
    }
  });

  it("lets the private subnets out through NAT to reach AWS's APIs", () => {
    const routes = ofType(stage, "aws:ec2/routeTable:RouteTable")
      .filter((t) => t.name.startsWith("NetworkPrivateRouteTable"))
      .map((t) => t.inputs.routes as Record<string, string>[]);
    expect(routes).toHaveLength(2);
    for (const [route] of routes) {
      expect(route?.cidrBlock).toBe("0.0.0.0/0");
    }
  });
});

describe("the Lambdas", () => {
  it("run on arm64 with no native module to disagree with it", () => {
    for (const fn of ofType(stage, "aws:lambda/function:Function")) {
      expect(fn.inputs.architectures).toEqual(["arm64"]);
    }
    for (const build of stage.builds) {
      expect(build.properties).toMatchObject({
        architecture: "arm64",
        minify: true,
        format: "esm",
      });
      expect(JSON.stringify(build.properties)).not.toContain("sharp");
    }
  });
});

describe("the WebSocket API", () => {
  it("routes $connect, $disconnect and $default to their handlers", () => {
    const routes = ofType(stage, "aws:apigatewayv2/route:Route").filter(
      (r) => r.inputs.apiId === id(resource(stage, apiType, "RealtimeApi")),
    );
    expect(routes.map((r) => r.inputs.routeKey).sort()).toEqual(
      Object.keys(ROUTES).sort(),
    );
    for (const route of routes) {
      const integration = ofType(
        stage,
        "aws:apigatewayv2/integration:Integration",
      ).find((i) => route.inputs.target === `integrations/${id(i)}`);
      const handler = ROUTES[route.inputs.routeKey as keyof typeof ROUTES];
      const fn = lambdaOf(stage, buildOf(stage, handler));
      expect(integration?.inputs.integrationUri).toContain(
        `/functions/${fn.state.arn}/invocations`,
      );
    }
  });

  it("lets every handler post back to its own connections", () => {
    const api = resource(stage, apiType, "RealtimeApi");
    const connections = `${api.state.executionArn}/*/*/@connections/*`;
    for (const handler of [...Object.values(ROUTES), SWEEP]) {
      const build = buildOf(stage, handler);
      expect(build.links.Realtime).toMatchObject({
        managementEndpoint: expect.stringMatching(/^https:\/\/RealtimeApi\./),
      });
      expect(roleStatements(stage, build)).toContainEqual({
        effect: "Allow",
        actions: ["execute-api:ManageConnections"],
        resources: [connections],
      });
    }
  });

  it("sweeps stale connections every minute", () => {
    const rule = resource(
      stage,
      "aws:cloudwatch/eventRule:EventRule",
      "RealtimeSweepRule",
    );
    expect(rule.inputs.scheduleExpression).toBe("rate(1 minute)");
  });
});

const apiType = "aws:apigatewayv2/api:Api";

describe("the HTTP API", () => {
  it("sends every path to the Hono app with the links its code reads", () => {
    const api = resource(stage, apiType, "ApiApi");
    expect(api.inputs.protocolType).toBe("HTTP");
    const [route] = ofType(stage, "aws:apigatewayv2/route:Route").filter(
      (r) => r.inputs.apiId === id(api),
    );
    expect(route?.inputs.routeKey).toBe("$default");
    expect(Object.keys(buildOf(stage, API).links).sort()).toEqual([
      "Database",
      "OidcClientId",
      "OidcClientSecret",
      "OidcIssuer",
      "Photos",
      "Realtime",
      "SessionSecret",
      "Worker",
    ]);
  });

  it("is told the company's mail domain", () => {
    const fn = lambdaOf(stage, buildOf(stage, API));
    expect(fn.inputs.environment).toMatchObject({
      variables: { ROSTER_COMPANY_DOMAIN: COMPANY_DOMAIN },
    });
  });

  it("may launch the worker task and pass it its roles", () => {
    const actions = roleStatements(stage, buildOf(stage, API)).flatMap(
      (s) => s.actions,
    );
    expect(actions).toEqual(expect.arrayContaining(["ecs:*", "iam:PassRole"]));
  });

  it("receives the session secret from SST, not from the repository", () => {
    expect(buildOf(stage, API).links.SessionSecret).toMatchObject({
      value: "a-session-secret-for-tests",
    });
  });

  it("receives the identity provider's client from SST secrets", () => {
    const links = buildOf(stage, API).links;
    expect(links.OidcIssuer).toMatchObject({
      value: "https://login.acme.test",
    });
    expect(links.OidcClientId).toMatchObject({ value: "roster" });
    expect(links.OidcClientSecret).toMatchObject({
      value: "an-oidc-client-secret-for-tests",
    });
  });
});

describe("the photos bucket", () => {
  it("is private and refuses plain HTTP", () => {
    const block = resource(
      stage,
      "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
      "PhotosPublicAccessBlock",
    );
    expect(block.inputs).toMatchObject({
      blockPublicAcls: true,
      blockPublicPolicy: true,
      ignorePublicAcls: true,
      restrictPublicBuckets: true,
    });
    const policy = JSON.parse(
      resource(stage, "aws:s3/bucketPolicy:BucketPolicy", "PhotosPolicy").inputs
        .policy as string,
    ) as { Statement: { effect: string }[] };
    expect(policy.Statement.map((s) => s.effect)).toEqual(["Deny"]);
  });

  it("accepts browser form uploads under presigned POST policies", () => {
    const cors = resource(
      stage,
      "aws:s3/bucketCorsConfiguration:BucketCorsConfiguration",
      "PhotosCors",
    );
    const [rule] = cors.inputs.corsRules as { allowedMethods: string[] }[];
    expect(rule?.allowedMethods).toEqual(["GET", "HEAD", "POST"]);
  });

  it("expires photo uploads after a day and HR exports after a week", () => {
    const lifecycle = resource(
      stage,
      "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration",
      "PhotosLifecycle",
    );
    expect(lifecycle.inputs.bucket).toBe(stage.outputs.photos);
    // Only uploads: renditions live under photos/, reports elsewhere.
    expect(lifecycle.inputs.rules).toEqual([
      {
        id: "expire-abandoned-photo-uploads",
        status: "Enabled",
        filter: { prefix: "uploads/photos/" },
        expiration: { days: 1 },
        abortIncompleteMultipartUpload: { daysAfterInitiation: 1 },
      },
      {
        id: "expire-import-uploads",
        status: "Enabled",
        filter: { prefix: "uploads/imports/" },
        expiration: { days: 7 },
        abortIncompleteMultipartUpload: { daysAfterInitiation: 1 },
      },
    ]);
  });
});

describe("the worker task", () => {
  const containerEnvironment = () => {
    const task = resource(
      stage,
      "aws:ecs/taskDefinition:TaskDefinition",
      "WorkerTask",
    );
    const [container] = JSON.parse(
      unwrapSecret<string>(task.inputs.containerDefinitions),
    ) as { environment: { name: string; value: string }[] }[];
    return Object.fromEntries(
      (container?.environment ?? []).map((e) => [e.name, e.value]),
    );
  };

  it("is built from the worker's Dockerfile with the repository as context", () => {
    const image = resource(
      stage,
      "docker-build:index:Image",
      "WorkerImageWorker",
    );
    const inputs = image.inputs as {
      context: { location: string };
      dockerfile: { location: string };
    };
    expect(inputs.dockerfile.location).toBe(
      join(inputs.context.location, "apps/worker/Dockerfile"),
    );
  });

  it("reads the database, the photos bucket and the WebSocket API", () => {
    const env = containerEnvironment();
    expect(JSON.parse(env.SST_RESOURCE_Database ?? "{}")).toMatchObject({
      host: stage.outputs.database,
    });
    expect(JSON.parse(env.SST_RESOURCE_Photos ?? "{}")).toMatchObject({
      name: stage.outputs.photos,
    });
    expect(JSON.parse(env.SST_RESOURCE_Realtime ?? "{}")).toHaveProperty(
      "managementEndpoint",
    );
    expect(env.ROSTER_DB_MAX_CONNECTIONS).toBe("2");
    expect(env.ROSTER_COMPANY_DOMAIN).toBe(COMPANY_DOMAIN);
  });

  it("gets out through the internet gateway with a public IP, no NAT", () => {
    const worker = buildOf(stage, API).links.Worker as {
      subnets: string[];
      securityGroups: string[];
      assignPublicIp: boolean;
    };
    expect(worker.assignPublicIp).toBe(true);
    expect(worker.subnets).toEqual(subnetIds("Public"));
    const gateway = id(
      resource(
        stage,
        "aws:ec2/internetGateway:InternetGateway",
        "NetworkInternetGateway",
      ),
    );
    const publicTables = ofType(stage, "aws:ec2/routeTable:RouteTable").filter(
      (t) => t.name.startsWith("NetworkPublicRouteTable"),
    );
    expect(publicTables).toHaveLength(2);
    for (const table of publicTables) {
      expect(table.inputs.routes).toEqual([
        { cidrBlock: "0.0.0.0/0", gatewayId: gateway },
      ]);
    }
    // Inside the VPC it shares the security group that admits the proxy's
    // clients; nothing from outside the VPC may connect to it.
    expect(worker.securityGroups).toEqual([id(vpcSecurityGroup())]);
    expect(vpcSecurityGroup().inputs.ingress).toEqual([
      expect.objectContaining({ cidrBlocks: ["10.0.0.0/16"] }),
    ]);
  });

  it("may use the bucket and post to the WebSocket API", () => {
    const role = resource(stage, "aws:iam/role:Role", "WorkerTaskRole");
    const text = JSON.stringify(role.inputs.inlinePolicies);
    expect(text).toContain("s3:*");
    expect(text).toContain("execute-api:ManageConnections");
  });
});

describe("the migrator", () => {
  it("bundles drizzle's migrations with their journal", () => {
    const build = buildOf(stage, MIGRATOR);
    expect(build.copyFiles).toHaveLength(1);
    const [files] = build.copyFiles ?? [];
    expect(files?.to).toBe("drizzle");
    expect(existsSync(join(files?.from ?? "", "meta", "_journal.json"))).toBe(
      true,
    );
  });

  it("is invoked by the deploy, so a failed migration fails it", () => {
    const invocation = resource(
      stage,
      "aws:lambda/invocation:Invocation",
      "MigrateDatabase",
    );
    expect(invocation.inputs.functionName).toBe(stage.outputs.migrator);
  });
});

describe("the web UI", () => {
  it("shares one origin with the API: /api goes to the HTTP API", () => {
    const route = (kind: string) =>
      resource(
        stage,
        `pulumi-nodejs:dynamic:Resource`,
        `WebRouterRoute/api${kind}`,
      ).inputs;
    expect(route("RoutesUpdate.sst.aws.KvRoutesUpdate").entry).toMatch(
      /^url,\w+,,\/api$/,
    );
    const { metadata } = route("RouteKey.sst.aws.KvKeys").entries as {
      metadata: string;
    };
    expect(JSON.parse(metadata).host).toBe(
      new URL(stage.outputs.api as string).host.toLowerCase(),
    );
    const cdn = resource(
      stage,
      "aws:cloudfront/distribution:Distribution",
      "WebRouterCdnDistribution",
    );
    expect(stage.outputs.web).toBe(`https://${cdn.state.domainName}`);
  });

  it("adds the UI's security headers at the edge", () => {
    const code = ofType(stage, "aws:cloudfront/function:Function")
      .map((f) => String(f.inputs.code))
      .find((c) => c.includes("content-security-policy"));
    expect(code).toBeDefined();
    expect(code).toContain("frame-ancestors 'none'");
    expect(code).toContain("strict-transport-security");
    // The socket's origin may be connected to; nothing else off-site.
    expect(code).toContain(new URL(stage.outputs.realtime as string).origin);
    // And the photos bucket, where uploads go.
    expect(code).toMatch(/connect-src 'self' wss:\/\/\S+ https:\/\//);
  });

  it("is built with the API's and the WebSocket API's URLs", () => {
    const builder = resource(stage, "command:local:Command", "WebBuilder");
    expect(builder.inputs.environment).toEqual({
      ROSTER_API_URL: stage.outputs.api,
      VITE_ROSTER_API_URL: stage.outputs.api,
      VITE_ROSTER_REALTIME_URL: stage.outputs.realtime,
    });
    expect(stage.outputs.api).toMatch(/^https:\/\//);
    expect(stage.outputs.realtime).toMatch(/^wss:\/\//);
  });
});
