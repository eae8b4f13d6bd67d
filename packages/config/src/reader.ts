import type { z } from "zod";
import { SettingsError } from "./errors.js";
import type { SettingsSource } from "./source.js";

/**
 * Reads one app's settings from a source, gathering every missing or
 * invalid value instead of stopping at the first; `finish` throws them
 * together as a SettingsError.
 */
export class SettingsReader {
  private readonly missing: string[] = [];
  private readonly invalid: string[] = [];

  constructor(
    readonly app: string,
    readonly source: SettingsSource,
  ) {}

  /** True when the process runs under SST: deployed, or in `sst dev`. */
  get isLinked(): boolean {
    return this.source.linked("App") !== undefined;
  }

  /** An environment variable, trimmed; blank counts as unset. */
  text(name: string): string | undefined {
    return this.source.env[name]?.trim() || undefined;
  }

  /** A linked resource's properties, checked against their shape. */
  linked<T>(name: string, shape: z.ZodType<T>): T | undefined {
    const value = this.source.linked(name);
    if (value === undefined) return undefined;
    const parsed = shape.safeParse(value);
    if (parsed.success) return parsed.data;
    const fields = parsed.error.issues.map((i) => i.path.join(".") || "(all)");
    this.problem(`the linked resource "${name}" lacks ${fields.join(", ")}`);
    return undefined;
  }

  /** An integer from the environment within [min, max], or the fallback. */
  integer(name: string, fallback: number, min: number, max: number): number {
    const raw = this.text(name);
    if (raw === undefined) return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) {
      this.problem(
        `${name} must be a whole number from ${min} to ${max}, not "${raw}"`,
      );
      return fallback;
    }
    return value;
  }

  port(name: string, fallback: number): number {
    return this.integer(name, fallback, 0, 65_535);
  }

  /** A URL from the environment, refused unless it parses. */
  url(name: string): string | undefined {
    const raw = this.text(name);
    if (raw === undefined || URL.canParse(raw)) return raw;
    this.problem(`${name} must be a URL, not "${raw}"`);
    return undefined;
  }

  /**
   * Records `what` as missing when `value` is undefined; `how` says where
   * it may come from. The value is typed as present because `finish`
   * throws before settings with a missing value can reach anyone.
   */
  require<T>(value: T | undefined, what: string, how: string): T {
    if (value === undefined) this.missing.push(`${what}: ${how}`);
    return value as T;
  }

  problem(description: string): void {
    this.invalid.push(description);
  }

  /** Returns the settings, or throws every problem found while reading. */
  finish<T>(settings: T): T {
    if (this.missing.length > 0 || this.invalid.length > 0) {
      throw new SettingsError(this.app, this.missing, this.invalid);
    }
    return settings;
  }
}
