import { changedLabels } from "../../lib/rebase-form";
import type { RemoteChange } from "./use-remote-change";

interface RemoteChangeNoticeProps {
  change: RemoteChange;
  busy: boolean;
  /** Brings their change into the form, keeping the reader's edits. */
  onBringIn: () => void;
  /** Throws the reader's edits away for the latest version. */
  onDiscard: () => void;
}

/** Someone else saved this person while the form was open. */
export function RemoteChangeNotice({
  change,
  busy,
  onBringIn,
  onDiscard,
}: RemoteChangeNoticeProps) {
  if (change.kind === "deleted") {
    return (
      <div className="notice notice--error" role="alert">
        <div className="notice__body">
          <p className="notice__title">
            This person was removed from the directory by someone else.
          </p>
          <p>Your changes cannot be saved. Copy anything you want to keep.</p>
        </div>
      </div>
    );
  }
  const labels = changedLabels(change.fields);
  return (
    <div className="notice notice--warning" role="alert">
      <div className="notice__body">
        <p className="notice__title">
          This profile was changed by someone else while you were editing.
        </p>
        <p>
          {labels.length > 0 ? `They changed: ${labels.join(", ")}. ` : ""}
          Your edits are still here. Bring in their changes to see them and save
          on top of them.
        </p>
      </div>
      <div className="notice__actions">
        <button
          type="button"
          className="button button--primary"
          disabled={busy}
          onClick={onBringIn}
        >
          {busy ? "Loading…" : "Bring in their changes"}
        </button>
        <button type="button" className="button" onClick={onDiscard}>
          Discard my edits
        </button>
      </div>
    </div>
  );
}
