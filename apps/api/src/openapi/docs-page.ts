import { escapeHtml } from "../http/html.js";
import type { openApiDocument } from "./document.js";

type Document = ReturnType<typeof openApiDocument>;
type Json = Record<string, unknown>;

const esc = escapeHtml;

function schemaBlock(title: string, schema: unknown): string {
  if (!schema) return "";
  return `<details><summary>${esc(title)}</summary><pre>${esc(
    JSON.stringify(schema, null, 2),
  )}</pre></details>`;
}

function paramsTable(params: Json[]): string {
  if (params.length === 0) return "";
  const rows = params
    .map(
      (p) =>
        `<tr><td><code>${esc(p.name)}</code></td><td>${esc(p.in)}</td>` +
        `<td>${p.required ? "yes" : ""}</td><td>${esc(
          (p.schema as Json)?.type ?? "",
        )}</td></tr>`,
    )
    .join("");
  return `<table><thead><tr><th>name</th><th>in</th><th>required</th>
    <th>type</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function operationSection(path: string, method: string, op: Json): string {
  const body = (op.requestBody as Json | undefined)?.content as
    | Record<string, Json>
    | undefined;
  const responses = op.responses as Record<string, Json>;
  const ok = Object.entries(responses).find(([s]) => s.startsWith("2"));
  const okSchema = (ok?.[1].content as Record<string, Json> | undefined)?.[
    "application/json"
  ]?.schema;
  const errors = Object.keys(responses).filter((s) => !s.startsWith("2"));
  return `<section class="op">
    <h3><span class="m ${esc(method)}">${esc(method.toUpperCase())}</span>
    <code>${esc(path)}</code></h3>
    <p>${esc(op.summary)}</p>
    ${paramsTable(op.parameters as Json[])}
    ${schemaBlock("Request body", body?.["application/json"]?.schema)}
    ${schemaBlock(`Response ${ok?.[0] ?? ""}`, okSchema)}
    <p class="errors">Errors: ${errors.map(esc).join(", ")}</p>
  </section>`;
}

/** A readable, self-contained page describing the API document. */
export function docsPage(doc: Document): string {
  const sections = Object.entries(doc.paths)
    .flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, op]) =>
        operationSection(path, method, op as Json),
      ),
    )
    .join("\n");
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(doc.info.title)}</title>
<style>
body{font:15px/1.5 system-ui,sans-serif;margin:0 auto;max-width:60rem;
padding:1.5rem;color:#1f2933}
h1{margin-bottom:.2rem}.op{border:1px solid #d9e2ec;border-radius:8px;
padding:.2rem 1rem;margin:1rem 0}.m{font-size:.8rem;padding:.1rem .45rem;
border-radius:4px;color:#fff;background:#486581}.get{background:#2f8132}
.post{background:#1d6fb8}.patch{background:#b86e00}.delete{background:#ba2525}
table{border-collapse:collapse}td,th{border-bottom:1px solid #e4e7eb;
padding:.2rem .8rem;text-align:left}pre{background:#f5f7fa;padding:.8rem;
overflow:auto;border-radius:6px}.errors{color:#52606d}
</style></head><body>
<h1>${esc(doc.info.title)}</h1>
<p>${esc(doc.info.description)} The machine-readable document is at
<a href="/api/openapi.json">/api/openapi.json</a>. Every error answers
<code>{ code, message, details, requestId }</code>.</p>
${sections}
</body></html>`;
}
