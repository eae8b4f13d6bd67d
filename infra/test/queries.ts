import type { BuildRequest } from "./cli-server";
import type { DeclaredStage } from "./declare-stage";
import type { DeclaredResource } from "./mocks";

/** Every resource of one Pulumi type, e.g. `aws:rds/instance:Instance`. */
export function ofType(stage: DeclaredStage, type: string): DeclaredResource[] {
  return stage.resources.filter((r) => r.type === type);
}

/** The one resource of a type and name; fails the test if absent. */
export function resource(
  stage: DeclaredStage,
  type: string,
  name: string,
): DeclaredResource {
  const found = stage.resources.find((r) => r.type === type && r.name === name);
  if (!found) throw new Error(`${stage.stage} declares no ${type} ${name}`);
  return found;
}

/** What SST was asked to bundle for a handler, e.g. `apps/x.handler`. */
export function buildOf(stage: DeclaredStage, handler: string): BuildRequest {
  const found = stage.builds.find((b) => b.handler === handler);
  if (!found) throw new Error(`${stage.stage} builds no ${handler}`);
  return found;
}

/** The Lambda function resource SST made for a built handler. */
export function lambdaOf(
  stage: DeclaredStage,
  build: BuildRequest,
): DeclaredResource {
  return resource(
    stage,
    "aws:lambda/function:Function",
    `${build.functionID}Function`,
  );
}

interface Statement {
  effect: string;
  actions: string[];
  resources: string[];
}

/** The inline policy statements of a Lambda's role. */
export function roleStatements(
  stage: DeclaredStage,
  build: BuildRequest,
): Statement[] {
  const role = resource(stage, "aws:iam/role:Role", `${build.functionID}Role`);
  const policies = role.inputs.inlinePolicies as { policy: string }[];
  return policies.flatMap(
    (p) => (JSON.parse(p.policy) as { Statement: Statement[] }).Statement,
  );
}

/** Pulumi marks secret values; the mocks see them wrapped. */
export function unwrapSecret<T>(value: unknown): T {
  if (value && typeof value === "object" && "value" in value) {
    return (value as { value: T }).value;
  }
  return value as T;
}

export const id = (r: DeclaredResource) => r.state.id as string;
