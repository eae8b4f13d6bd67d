/** Shown when someone else saved this person first (a 412). */
export function StaleNotice({ onReload }: { onReload: () => void }) {
  return (
    <div className="notice notice--warning" role="alert">
      <div className="notice__body">
        <p className="notice__title">
          This profile was changed by someone else while you were editing.
        </p>
        <p>
          Your changes were not saved. Reload the latest version to see what
          changed, then make your edits again.
        </p>
      </div>
      <button type="button" className="button" onClick={onReload}>
        Reload latest version
      </button>
    </div>
  );
}
