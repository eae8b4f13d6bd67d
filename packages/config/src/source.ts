import { Resource } from "sst/resource";

/** Where settings come from: SST's linked resources and the environment. */
export interface SettingsSource {
  env: Readonly<Record<string, string | undefined>>;
  /** A linked resource's properties by its name, or undefined. */
  linked(name: string): unknown;
}

/**
 * The running process's settings: `Resource` from SST (filled from the
 * `SST_RESOURCE_*` variables a deployment or `sst dev` sets) and
 * `process.env`.
 */
export function processSource(): SettingsSource {
  return {
    env: process.env,
    // `Resource` throws for a name that is not linked; `in` does not.
    linked: (name) =>
      name in Resource
        ? (Resource as unknown as Record<string, unknown>)[name]
        : undefined,
  };
}

/** A source from plain values, for tests and scripts. */
export function staticSource(
  env: Readonly<Record<string, string | undefined>>,
  linked: Readonly<Record<string, unknown>> = {},
): SettingsSource {
  return { env, linked: (name) => linked[name] };
}
