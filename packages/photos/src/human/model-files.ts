import { readFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { io } from "@tensorflow/tfjs-core";

interface ModelJson {
  modelTopology: unknown;
  format?: string;
  generatedBy?: string;
  convertedBy?: string | null;
  signature?: unknown;
  userDefinedMetadata?: Record<string, unknown>;
  weightsManifest: { paths: string[]; weights: io.WeightsManifestEntry[] }[];
}

/**
 * tfjs loads models over HTTP only; this reads a `file://` model (its JSON
 * and weight shards) from disk, so the detector never touches a network.
 */
export function fileModelRouter(url: string | string[]): io.IOHandler | null {
  const first = Array.isArray(url) ? url[0] : url;
  if (typeof first !== "string" || !first.startsWith("file://")) return null;
  const path = fileURLToPath(first);
  return { load: () => loadModelFiles(path) };
}

async function loadModelFiles(path: string): Promise<io.ModelArtifacts> {
  const json = JSON.parse(await readFile(path, "utf8")) as ModelJson;
  const weightSpecs: io.WeightsManifestEntry[] = [];
  const shards: Buffer[] = [];
  for (const group of json.weightsManifest) {
    weightSpecs.push(...group.weights);
    for (const shard of group.paths) {
      shards.push(await readFile(join(dirname(path), shard)));
    }
  }
  const weights = Buffer.concat(shards);
  return {
    modelTopology: json.modelTopology as io.ModelArtifacts["modelTopology"],
    format: json.format,
    generatedBy: json.generatedBy,
    convertedBy: json.convertedBy ?? undefined,
    signature: json.signature as io.ModelArtifacts["signature"],
    userDefinedMetadata:
      json.userDefinedMetadata as io.ModelArtifacts["userDefinedMetadata"],
    weightSpecs,
    weightData: weights.buffer.slice(
      weights.byteOffset,
      weights.byteOffset + weights.byteLength,
    ),
  };
}
