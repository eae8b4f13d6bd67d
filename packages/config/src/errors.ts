/**
 * Thrown at start-up when settings are missing or unusable. The message
 * names every problem at once, so one failed start tells the whole story.
 */
export class SettingsError extends Error {
  override readonly name = "SettingsError";

  constructor(
    readonly app: string,
    readonly missing: readonly string[],
    readonly invalid: readonly string[],
  ) {
    const lines = [
      ...missing.map((entry) => `  missing: ${entry}`),
      ...invalid.map((entry) => `  invalid: ${entry}`),
    ];
    super(`Roster's ${app} cannot start:\n${lines.join("\n")}`);
  }
}
