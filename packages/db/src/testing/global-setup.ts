import { prepareTestTemplate } from "./index.js";

/** Vitest globalSetup: migrate one template before any test file runs. */
export default async function setup(): Promise<void> {
  await prepareTestTemplate();
}
