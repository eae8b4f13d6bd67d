import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { DockerfileParser, type Instruction } from "dockerfile-ast";
import { validate } from "dockerfile-utils";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../../../", import.meta.url));
const text = readFileSync(new URL("../Dockerfile", import.meta.url), "utf8");
const dockerfile = DockerfileParser.parse(text);
const instructions = dockerfile.getInstructions();
const args = (i: Instruction) => i.getArguments().map((a) => a.getValue());
const fromStage = (i: Instruction) => /--from=/.test(i.getTextContent());

// The workspace packages the worker runs on, followed through their
// manifests: each must be copied into the image.
function workspaceClosure(name: string, dir: string, seen = new Map()) {
  seen.set(name, dir);
  const manifest = JSON.parse(
    readFileSync(`${root}${dir}/package.json`, "utf8"),
  ) as { dependencies?: Record<string, string> };
  for (const [dep, spec] of Object.entries(manifest.dependencies ?? {})) {
    if (!spec.startsWith("workspace:") || seen.has(dep)) continue;
    workspaceClosure(dep, `packages/${dep.replace("@roster/", "")}`, seen);
  }
  return seen as Map<string, string>;
}

describe("the worker's Dockerfile", () => {
  it("has no errors a Dockerfile linter finds", () => {
    const problems = validate(text).map(
      (d) => `line ${d.range.start.line + 1}: ${d.message}`,
    );
    expect(problems).toEqual([]);
  });

  it("builds in one stage and runs from another", () => {
    const stages = dockerfile.getFROMs();
    expect(stages.length).toBeGreaterThanOrEqual(2);
    const copies = instructions.filter(
      (i) => i.getKeyword() === "COPY" && fromStage(i),
    );
    expect(copies.length).toBeGreaterThan(0);
  });

  it("runs as a user who is not root", () => {
    const users = instructions.filter((i) => i.getKeyword() === "USER");
    const last = users.at(-1);
    expect(last).toBeDefined();
    expect(args(last as Instruction)[0]).not.toMatch(/^(root|0)(:|$)/);
    const lastFrom = dockerfile.getFROMs().at(-1)?.getRange().start.line ?? 0;
    expect(last?.getRange().start.line).toBeGreaterThan(lastFrom);
  });

  it("copies every manifest before any source, then installs", () => {
    const lineOf = (i: Instruction) => i.getRange().start.line;
    const copies = instructions.filter(
      (i) => i.getKeyword() === "COPY" && !fromStage(i),
    );
    const install = instructions.find(
      (i) =>
        i.getKeyword() === "RUN" &&
        args(i).join(" ").includes("install --frozen-lockfile"),
    );
    expect(install).toBeDefined();
    const manifests = copies.filter((c) =>
      args(c)
        .slice(0, -1)
        .every((a) =>
          /(package\.json|pnpm-[a-z-]+\.yaml|tsconfig\.base\.json)$/.test(a),
        ),
    );
    const sources = copies.filter((c) => !manifests.includes(c));
    const installLine = lineOf(install as Instruction);
    for (const m of manifests) expect(lineOf(m)).toBeLessThan(installLine);
    for (const s of sources) expect(lineOf(s)).toBeGreaterThan(installLine);
    const copied = manifests.flatMap((m) => args(m).slice(0, -1));
    expect(copied).toContain("pnpm-lock.yaml");
    for (const [, dir] of workspaceClosure("@roster/worker", "apps/worker")) {
      expect(copied).toContain(`${dir}/package.json`);
      expect(sources.some((s) => args(s)[0] === `${dir}/`)).toBe(true);
    }
  });

  it("checks the face model and the wasm backend are in the image", () => {
    const run = instructions
      .filter((i) => i.getKeyword() === "RUN")
      .map((i) => args(i).join(" "))
      .join("\n");
    expect(run).toContain("@vladmandic/human/models/blazeface");
    expect(run).toContain("@tensorflow/tfjs-backend-wasm/dist/*.wasm");
  });

  it("starts the worker entry that exists", () => {
    const entry = instructions.find((i) => i.getKeyword() === "ENTRYPOINT");
    const command = args(entry as Instruction).join(" ");
    expect(command).toContain("src/main.ts");
    expect(existsSync(`${root}apps/worker/src/main.ts`)).toBe(true);
  });
});
