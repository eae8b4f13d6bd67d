import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { JobLaunchError } from "@roster/core";
import { afterEach, describe, expect, it } from "vitest";
import { type EcsLauncherOptions, ecsLauncher } from "./ecs.js";

type Reply =
  | { status: number; body: unknown }
  | "hang"
  | ((token: string) => { status: number; body: unknown } | "hang");

interface StandIn {
  endpoint: string;
  requests: Record<string, unknown>[];
  /** Tasks started, by client token: ECS starts one per token. */
  tasks: Map<string, string>;
  close(): Promise<void>;
}

let standIn: StandIn | undefined;
afterEach(async () => {
  await standIn?.close();
  standIn = undefined;
});

// A loopback stand-in for ECS's JSON protocol: POST / with an
// x-amz-target header, answering each request with the next reply.
async function startStandIn(replies: Reply[]): Promise<StandIn> {
  const requests: Record<string, unknown>[] = [];
  const tasks = new Map<string, string>();
  const hanging: IncomingMessage[] = [];
  const server: Server = createServer(async (req, res) => {
    let text = "";
    for await (const chunk of req) text += chunk;
    expect(req.headers["x-amz-target"]).toBe(
      "AmazonEC2ContainerServiceV20141113.RunTask",
    );
    const body = JSON.parse(text) as Record<string, unknown>;
    requests.push(body);
    const token = String(body.clientToken);
    const arn =
      tasks.get(token) ?? `arn:aws:ecs:us-east-1:1:task/c/${tasks.size + 1}`;
    const next = replies.shift() ?? { status: 200, body: "task" };
    const reply = typeof next === "function" ? next(token) : next;
    if (reply === "hang") {
      // Received and acted on, never answered: the caller times out.
      tasks.set(token, arn);
      hanging.push(req);
      return;
    }
    if (reply.body === "task") tasks.set(token, arn);
    res.writeHead(reply.status, {
      "content-type": "application/x-amz-json-1.1",
    });
    res.end(
      JSON.stringify(
        reply.body === "task"
          ? { tasks: [{ taskArn: arn }], failures: [] }
          : reply.body,
      ),
    );
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    requests,
    tasks,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const throttled = {
  status: 400,
  body: { __type: "ThrottlingException", message: "Rate exceeded" },
};
const task = { status: 200, body: "task" };

function launcher(endpoint: string, extra: Partial<EcsLauncherOptions> = {}) {
  const delays: number[] = [];
  return {
    delays,
    launcher: ecsLauncher({
      endpoint,
      region: "us-east-1",
      credentials: { accessKeyId: "test", secretAccessKey: "test" },
      cluster: "roster",
      taskDefinition: "roster-worker:3",
      containerName: "worker",
      subnets: ["subnet-1", "subnet-2"],
      securityGroups: ["sg-1"],
      requestTimeoutMs: 300,
      sleep: async (ms) => void delays.push(ms),
      random: () => 0.5,
      ...extra,
    }),
  };
}

const JOB = "0b6c3a8e-54c1-4b58-9d8c-9a4f3f1e2d70";

describe("ecsLauncher", () => {
  it("sends only the job id, on the configured network", async () => {
    standIn = await startStandIn([task]);
    const { launcher: ecs } = launcher(standIn.endpoint);
    const worker = await ecs.launch({ jobId: JOB, attempt: 1 });
    expect(worker.ref).toBe("arn:aws:ecs:us-east-1:1:task/c/1");
    expect(standIn.requests[0]).toEqual({
      cluster: "roster",
      taskDefinition: "roster-worker:3",
      launchType: "FARGATE",
      count: 1,
      clientToken: `job-${JOB}-1`,
      startedBy: "roster-job",
      networkConfiguration: {
        awsvpcConfiguration: {
          subnets: ["subnet-1", "subnet-2"],
          securityGroups: ["sg-1"],
          assignPublicIp: "DISABLED",
        },
      },
      overrides: {
        containerOverrides: [
          {
            name: "worker",
            environment: [{ name: "ROSTER_JOB_ID", value: JOB }],
          },
        ],
      },
    });
  });

  it("retries throttling with jittered backoff and one token", async () => {
    standIn = await startStandIn([throttled, throttled, task]);
    const { launcher: ecs, delays } = launcher(standIn.endpoint);
    const worker = await ecs.launch({ jobId: JOB, attempt: 2 });
    expect(worker.ref).toMatch(/task\/c\/1$/);
    expect(standIn.requests.map((r) => r.clientToken)).toEqual([
      `job-${JOB}-2`,
      `job-${JOB}-2`,
      `job-${JOB}-2`,
    ]);
    // Half of 400 ms, then half of 800 ms: the ceiling doubles.
    expect(delays).toEqual([200, 400]);
  });

  it("fails with the reason when ECS has no capacity", async () => {
    standIn = await startStandIn([
      {
        status: 200,
        body: {
          tasks: [],
          failures: [{ reason: "RESOURCE:MEMORY", detail: "no capacity" }],
        },
      },
    ]);
    const { launcher: ecs } = launcher(standIn.endpoint);
    const error = await ecs.launch({ jobId: JOB, attempt: 1 }).catch((e) => e);
    expect(error).toBeInstanceOf(JobLaunchError);
    expect(error.message).toBe(
      "ECS could not start the worker: RESOURCE:MEMORY (no capacity)",
    );
    expect(standIn.requests).toHaveLength(1);
  });

  it("starts exactly one task when a request timed out after sending", async () => {
    standIn = await startStandIn(["hang", task]);
    const { launcher: ecs } = launcher(standIn.endpoint);
    const worker = await ecs.launch({ jobId: JOB, attempt: 1 });
    expect(standIn.requests).toHaveLength(2);
    expect(standIn.tasks.size).toBe(1);
    expect(worker.ref).toBe(standIn.tasks.get(`job-${JOB}-1`));
  });

  it("gives up after its attempts, saying why", async () => {
    standIn = await startStandIn([throttled, throttled, throttled]);
    const { launcher: ecs } = launcher(standIn.endpoint, { maxAttempts: 3 });
    const error = await ecs.launch({ jobId: JOB, attempt: 1 }).catch((e) => e);
    expect(error).toBeInstanceOf(JobLaunchError);
    expect(error.message).toBe(
      "ECS did not start the worker after 3 tries: ThrottlingException",
    );
  });

  it("does not retry a request ECS refuses", async () => {
    standIn = await startStandIn([
      {
        status: 400,
        body: {
          __type: "InvalidParameterException",
          message: "No Container Instances were found in your cluster.",
        },
      },
    ]);
    const { launcher: ecs } = launcher(standIn.endpoint);
    const error = await ecs.launch({ jobId: JOB, attempt: 1 }).catch((e) => e);
    expect(error.message).toMatch(
      /^ECS refused to start the worker: InvalidParameterException/,
    );
    expect(standIn.requests).toHaveLength(1);
  });
});
