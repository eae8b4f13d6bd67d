/** A resource as the program declared it. */
export interface DeclaredResource {
  type: string;
  name: string;
  inputs: Record<string, unknown>;
  state: Record<string, unknown>;
}

const REGION = "us-east-1";
const ACCOUNT = "123456789012";

type State = Record<string, unknown>;
type Inputs = Record<string, unknown>;

// Outputs AWS computes that the components read back.
const computed: Record<string, (name: string, inputs: Inputs) => State> = {
  "aws:rds/instance:Instance": (name) => ({
    address: `${name}.mock.${REGION}.rds.amazonaws.com`,
    endpoint: `${name}.mock.${REGION}.rds.amazonaws.com:5432`,
    port: 5432,
    identifier: name.toLowerCase(),
  }),
  "aws:rds/proxy:Proxy": (name) => ({
    endpoint: `${name}.proxy-mock.${REGION}.rds.amazonaws.com`,
  }),
  "aws:apigatewayv2/api:Api": (name, inputs) => ({
    apiEndpoint:
      inputs.protocolType === "WEBSOCKET"
        ? `wss://${name}.execute-api.${REGION}.amazonaws.com`
        : `https://${name}.execute-api.${REGION}.amazonaws.com`,
    executionArn: `arn:aws:execute-api:${REGION}:${ACCOUNT}:${name}`,
  }),
  "aws:lambda/function:Function": (name) => ({
    invokeArn: `arn:aws:apigateway:${REGION}:lambda:path/${name}/invocations`,
  }),
  "aws:cloudfront/distribution:Distribution": (name) => ({
    domainName: `${name}.cloudfront.net`,
  }),
  "random:index/randomPassword:RandomPassword": () => ({
    result: "mock-password",
  }),
  "random:index/randomString:RandomString": () => ({ result: "mockrand" }),
  "random:index/randomId:RandomId": () => ({ hex: "abcd", b64Url: "q80" }),
};

/** Answers for the data look-ups components make. */
const calls: Record<string, (inputs: Inputs) => State> = {
  "aws:index/getRegion:getRegion": () => ({ name: REGION, region: REGION }),
  "aws:index/getCallerIdentity:getCallerIdentity": () => ({
    accountId: ACCOUNT,
    arn: `arn:aws:iam::${ACCOUNT}:user/mock`,
    userId: "mock",
  }),
  "aws:index/getPartition:getPartition": () => ({
    partition: "aws",
    dnsSuffix: "amazonaws.com",
  }),
  "aws:index/getAvailabilityZones:getAvailabilityZones": () => ({
    names: [`${REGION}a`, `${REGION}b`, `${REGION}c`],
    zoneIds: ["use1-az1", "use1-az2", "use1-az3"],
  }),
  "aws:ec2/getAmi:getAmi": () => ({ id: "ami-0mock", imageId: "ami-0mock" }),
  "aws:iam/getPolicyDocument:getPolicyDocument": (inputs) => ({
    ...inputs,
    json: JSON.stringify({
      Version: "2012-10-17",
      Statement: inputs.statements ?? [],
    }),
  }),
  "aws:ecr/getAuthorizationToken:getAuthorizationToken": () => ({
    userName: "AWS",
    password: "mock-token",
    proxyEndpoint: `https://${ACCOUNT}.dkr.ecr.${REGION}.amazonaws.com`,
  }),
};

/** The Pulumi mocks: echo inputs back, plus what AWS would compute. */
export function recordingMocks(resources: DeclaredResource[]) {
  const unknownCalls = new Set<string>();
  return {
    unknownCalls,
    mocks: {
      newResource(args: { type: string; name: string; inputs: Inputs }) {
        const id = `${args.name}-id`;
        const state: State = {
          ...args.inputs,
          id,
          arn:
            (args.inputs.arn as string | undefined) ??
            `arn:aws:mock:${REGION}:${ACCOUNT}:${args.type}/${args.name}`,
          name: args.inputs.name ?? args.name.toLowerCase(),
          ...computed[args.type]?.(args.name, args.inputs),
        };
        resources.push({
          type: args.type,
          name: args.name,
          inputs: args.inputs,
          state,
        });
        return { id, state };
      },
      call(args: { token: string; inputs: Inputs }) {
        const answer = calls[args.token];
        if (!answer) unknownCalls.add(args.token);
        return answer ? answer(args.inputs) : {};
      },
    },
  };
}
