import { useState } from "react";
import type { IssuedScimToken } from "../../api/scim-tokens";

interface IssuedTokenProps {
  issued: IssuedScimToken;
  onDone: () => void;
}

/**
 * The one showing of a new token's secret, with a copy button. Once it is
 * dismissed the secret is gone from the page; Roster keeps only its hash.
 */
export function IssuedToken({ issued, onDone }: IssuedTokenProps) {
  const [copied, setCopied] = useState<"yes" | "failed" | null>(null);
  async function copy() {
    try {
      await navigator.clipboard.writeText(issued.token);
      setCopied("yes");
    } catch {
      // Clipboard access needs a secure context and permission; the
      // secret is selectable text either way.
      setCopied("failed");
    }
  }
  return (
    <section className="notice scim-issued" aria-labelledby="scim-issued-title">
      <div className="notice__body">
        <p className="notice__title" id="scim-issued-title">
          Token for {issued.name}
        </p>
        <p>
          Copy it into your identity provider now. It is shown only this once;
          if it is lost, revoke it and create another.
        </p>
        <code className="scim-issued__secret" data-testid="scim-token-secret">
          {issued.token}
        </code>
        <p className="scim-issued__actions">
          <button
            type="button"
            className="button button--primary"
            onClick={copy}
          >
            Copy token
          </button>
          <button
            type="button"
            className="button button--quiet"
            onClick={onDone}
          >
            Done
          </button>
          <span role="status">
            {copied === "yes" && "Copied."}
            {copied === "failed" &&
              "Your browser did not allow copying; select the token instead."}
          </span>
        </p>
      </div>
    </section>
  );
}
