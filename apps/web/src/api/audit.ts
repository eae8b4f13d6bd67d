import { request } from "./client";

/** One field's value before and after a change. */
export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

/** One entry of the audit trail. */
export interface AuditEntry {
  id: string;
  at: string;
  actorId: string | null;
  actorLabel: string | null;
  actorRole: string;
  channel: "web" | "api" | "import" | "scim" | "system";
  action: string;
  subjectId: string | null;
  subjectLabel: string;
  changes: FieldChange[];
}

export interface AuditPage {
  items: AuditEntry[];
  nextCursor: string | null;
  /**
   * The name of each manager, department and office id in the page's
   * changes; null for one no longer in the directory.
   */
  names: Record<string, string | null>;
}

/** A person's history, newest first. */
export function getHistory(id: string, cursor?: string, signal?: AbortSignal) {
  const query = new URLSearchParams({ limit: "20" });
  if (cursor) query.set("cursor", cursor);
  return request<AuditPage>(
    `/employees/${encodeURIComponent(id)}/history?${query}`,
    { signal },
  );
}
