import { useState } from "react";
import {
  applyPreview,
  type ColumnMapping,
  type Job,
  reportUrl,
  startPreview,
  type UploadedFile,
  uploadImport,
} from "../api/imports";
import { EmptyState } from "../components/states";
import { useDocumentTitle } from "../hooks/use-document-title";
import { detectedFormatMessage } from "../lib/import-text";
import { canCreate } from "../lib/permissions";
import { useMe } from "../session";
import { DiffView } from "./import/diff-view";
import { JobProgress, useJob } from "./import/job-progress";
import { MappingForm } from "./import/mapping-form";

const describe = (error: unknown) =>
  error instanceof Error ? error.message : "Something went wrong.";

const ended = (job: Job | undefined) =>
  job !== undefined && job.status !== "queued" && job.status !== "running";

/**
 * Whether to offer starting again with another file: once the preview has
 * ended (found nothing to change, failed or was cancelled) and no apply is
 * under way, or once the apply has ended.
 */
function mayRestart(
  preview: Job | undefined,
  applyId: string | undefined,
  apply: Job | undefined,
): boolean {
  return applyId ? ended(apply) : ended(preview);
}

/**
 * Importing an HR export or an LDAP directory: upload, check the column
 * mapping against the first rows, read the preview's diff, apply it and
 * watch it run, then download the rows that could not be imported.
 */
export function ImportPage() {
  useDocumentTitle("Import people");
  const me = useMe();
  const [file, setFile] = useState<UploadedFile>();
  const [mapping, setMapping] = useState<ColumnMapping>();
  const [previewId, setPreviewId] = useState<string>();
  const [applyId, setApplyId] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [preview, reloadPreview] = useJob(previewId);
  const [apply, reloadApply] = useJob(applyId);

  if (me && !canCreate(me)) {
    return <EmptyState title="Only HR and admins import people." />;
  }
  const run = async (step: () => Promise<void>) => {
    setBusy(true);
    setError(undefined);
    try {
      await step();
    } catch (e) {
      setError(describe(e));
    } finally {
      setBusy(false);
    }
  };
  const restart = () => {
    setError(undefined);
    setFile(undefined);
    setMapping(undefined);
    setPreviewId(undefined);
    setApplyId(undefined);
  };
  return (
    <div className="import-page">
      <h1 className="page-title">Import people</h1>
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
      {!file && (
        <form
          className="import-upload"
          onSubmit={(e) => {
            e.preventDefault();
            const input = e.currentTarget.elements.namedItem("file");
            const chosen = (input as HTMLInputElement | null)?.files?.[0];
            if (!chosen) return setError("Choose a file first.");
            void run(async () => {
              const uploaded = await uploadImport(chosen);
              setFile(uploaded);
              setMapping(
                uploaded.suggestion?.mapping ?? {
                  columns: {},
                  emails: "address",
                },
              );
            });
          }}
        >
          <label className="field">
            <span className="field__label">
              An export from your HR system (CSV) or directory (LDIF)
            </span>
            <input name="file" type="file" accept=".csv,.txt,.tsv,.ldif" />
          </label>
          <button
            type="submit"
            className="button button--primary"
            disabled={busy}
          >
            Upload
          </button>
        </form>
      )}
      {file && mapping && !previewId && (
        <>
          <p>{detectedFormatMessage(file.fileName, file.suggestion)}</p>
          <MappingForm file={file} mapping={mapping} onChange={setMapping} />
          <button
            type="button"
            className="button button--primary"
            disabled={busy}
            onClick={() =>
              void run(async () => {
                setPreviewId((await startPreview(file, mapping)).id);
              })
            }
          >
            Preview the changes
          </button>
        </>
      )}
      {preview && (
        <JobProgress
          job={preview}
          label="Preview"
          unit="bytes"
          onChanged={reloadPreview}
        />
      )}
      {preview?.status === "succeeded" && previewId && (
        <>
          <p className="import-summary">
            {preview.counts.new ?? 0} new, {preview.counts.changed ?? 0}{" "}
            changed, {preview.counts.unchanged ?? 0} unchanged,{" "}
            {preview.counts.rejected ?? 0} rejected
          </p>
          {preview.reportKey && (preview.counts.problems ?? 0) > 0 && (
            <a className="button" href={reportUrl(preview.id)} download>
              Download the rows with problems
            </a>
          )}
          <DiffView previewId={previewId} counts={preview.counts} />
          {!applyId &&
            ((preview.counts.new ?? 0) + (preview.counts.changed ?? 0) > 0 ? (
              <button
                type="button"
                className="button button--primary"
                disabled={busy}
                onClick={() =>
                  void run(async () => {
                    setApplyId((await applyPreview(previewId)).id);
                  })
                }
              >
                Apply these changes
              </button>
            ) : (
              <p>Nothing to change: the directory already matches the file.</p>
            ))}
        </>
      )}
      {apply && (
        <JobProgress
          job={apply}
          label="Import"
          unit="rows"
          onChanged={reloadApply}
        />
      )}
      {apply?.status === "succeeded" && (
        <>
          <p className="import-summary" role="status">
            Imported: {apply.counts.created ?? 0} created,{" "}
            {apply.counts.updated ?? 0} updated, {apply.counts.unchanged ?? 0}{" "}
            unchanged, {apply.counts.rejected ?? 0} rejected
            {(apply.counts.resumedAtRow ?? 0) > 0 &&
              `; resumed after a stop, at row ${apply.counts.resumedAtRow}` +
                " (managers are written before their reports), with the " +
                "same result as one uninterrupted run"}
          </p>
          <a className="button" href={reportUrl(apply.id)} download>
            Download the report
          </a>
        </>
      )}
      {previewId && mayRestart(preview, applyId, apply) && (
        <button type="button" className="button" onClick={restart}>
          Import another file
        </button>
      )}
    </div>
  );
}
