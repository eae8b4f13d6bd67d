import {
  ECSClient,
  RunTaskCommand,
  type RunTaskCommandInput,
} from "@aws-sdk/client-ecs";
import { type JobLaunch, JobLaunchError, type JobLauncher } from "@roster/core";

/** Where and how the worker's Fargate tasks run. */
export interface EcsLauncherOptions {
  cluster: string;
  taskDefinition: string;
  /** The worker's container in the task definition. */
  containerName: string;
  subnets: readonly string[];
  securityGroups: readonly string[];
  /**
   * Whether the task gets a public address: in public subnets without a
   * NAT, it is how the task reaches its image registry, S3 and the
   * WebSocket API.
   */
  assignPublicIp?: boolean;
  /** Only for a stand-in on loopback; AWS's endpoint otherwise. */
  endpoint?: string;
  region?: string;
  credentials?: { accessKeyId: string; secretAccessKey: string };
  /** Requests per launch, the first included. */
  maxAttempts?: number;
  /** The first backoff's ceiling; each retry doubles it, up to `maxDelayMs`. */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** How long one request may go unanswered before it is retried. */
  requestTimeoutMs?: number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

// ECS refuses overrides longer than this, in characters of JSON.
const MAX_OVERRIDES_CHARS = 8192;

const RETRYABLE = new Set([
  "ThrottlingException",
  "TooManyRequestsException",
  "RequestLimitExceeded",
  "ServerException",
  "ServiceUnavailableException",
  "TimeoutError",
  "AbortError",
  "RequestTimeout",
  "RequestTimeoutException",
]);

/**
 * Starts each job's worker as an ECS Fargate task. Only the job id goes
 * in the container overrides. Every request of one launch carries the
 * same `clientToken` (the job id and attempt), so a request that timed out
 * after ECS received it, sent again, still starts exactly one task.
 * Throttling and server errors are retried with full-jitter backoff; a
 * placement failure (no capacity) is not, and fails the launch with
 * ECS's reason.
 */
export function ecsLauncher(options: EcsLauncherOptions): JobLauncher {
  const client = new ECSClient({
    ...(options.endpoint && { endpoint: options.endpoint }),
    region: options.region ?? process.env.AWS_REGION ?? "us-east-1",
    ...(options.credentials && { credentials: options.credentials }),
    // Retries are this launcher's, so each reuses the same token.
    maxAttempts: 1,
  });
  const timeout = options.requestTimeoutMs ?? 10_000;
  const maxAttempts = options.maxAttempts ?? 5;
  const base = options.baseDelayMs ?? 200;
  const cap = options.maxDelayMs ?? 5_000;
  const sleep =
    options.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
  const random = options.random ?? Math.random;
  return {
    async launch(request) {
      const input = runTaskInput(options, request);
      for (let attempt = 1; ; attempt++) {
        try {
          const output = await client.send(new RunTaskCommand(input), {
            abortSignal: AbortSignal.timeout(timeout),
          });
          const failure = output.failures?.[0];
          const arn = output.tasks?.[0]?.taskArn;
          if (arn) return { ref: arn };
          throw new JobLaunchError(
            failure
              ? `ECS could not start the worker: ${failure.reason ?? "no reason given"}` +
                  (failure.detail ? ` (${failure.detail})` : "")
              : "ECS started no worker task and gave no reason.",
          );
        } catch (error) {
          if (error instanceof JobLaunchError) throw error;
          const name = (error as { name?: string }).name ?? "";
          const status = (error as { $metadata?: { httpStatusCode?: number } })
            .$metadata?.httpStatusCode;
          const retryable =
            RETRYABLE.has(name) || (status !== undefined && status >= 500);
          if (!retryable || attempt >= maxAttempts) {
            throw new JobLaunchError(
              retryable
                ? `ECS did not start the worker after ${attempt} tries: ${name}`
                : `ECS refused to start the worker: ${describe(error)}`,
              { cause: error },
            );
          }
          // Full jitter: anywhere up to the doubled ceiling.
          await sleep(
            Math.floor(random() * Math.min(cap, base * 2 ** attempt)),
          );
        }
      }
    },
  };
}

/** The RunTask request for one launch; exported for its tests. */
export function runTaskInput(
  options: EcsLauncherOptions,
  { jobId, attempt }: JobLaunch,
): RunTaskCommandInput {
  const overrides = {
    containerOverrides: [
      {
        name: options.containerName,
        environment: [{ name: "ROSTER_JOB_ID", value: jobId }],
      },
    ],
  };
  if (JSON.stringify(overrides).length > MAX_OVERRIDES_CHARS) {
    throw new JobLaunchError("The task overrides are too long for ECS.");
  }
  return {
    cluster: options.cluster,
    taskDefinition: options.taskDefinition,
    launchType: "FARGATE",
    count: 1,
    clientToken: `job-${jobId}-${attempt}`,
    startedBy: `roster-job`,
    networkConfiguration: {
      awsvpcConfiguration: {
        subnets: [...options.subnets],
        securityGroups: [...options.securityGroups],
        assignPublicIp: options.assignPublicIp ? "ENABLED" : "DISABLED",
      },
    },
    overrides,
  };
}

function describe(error: unknown): string {
  const e = error as { name?: string; message?: string };
  return [e.name, e.message].filter(Boolean).join(": ") || String(error);
}
