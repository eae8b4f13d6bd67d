import { type FormEvent, useState } from "react";
import {
  createScimToken,
  type IssuedScimToken,
  listScimTokens,
  revokeScimToken,
  type ScimToken,
} from "../api/scim-tokens";
import {
  EmptyState,
  ErrorNotice,
  errorMessage,
  Loading,
} from "../components/states";
import { announce } from "../components/toast";
import { useDocumentTitle } from "../hooks/use-document-title";
import { useResource } from "../hooks/use-resource";
import { scimTokenStatus, sortScimTokens } from "../lib/scim-token-status";
import { useMe } from "../session";
import { IssuedToken } from "./scim-tokens/issued-token";
import "../styles/scim-tokens.css";

/**
 * Admins issue the bearer tokens an identity provider (Okta, Entra ID)
 * provisions people with, see when each was last used, and revoke them.
 */
export function ScimTokensPage() {
  useDocumentTitle("SCIM tokens");
  const me = useMe();
  if (!me) return <Loading />;
  if (me.actor.role !== "admin") {
    return (
      <div className="page-state">
        <h1 className="page-title">SCIM tokens</h1>
        <EmptyState title="Only admins can manage SCIM tokens." />
      </div>
    );
  }
  return <ScimTokens />;
}

function ScimTokens() {
  const tokens = useResource((signal) => listScimTokens(signal), []);
  const [name, setName] = useState("");
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [issued, setIssued] = useState<IssuedScimToken | null>(null);

  async function create(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setProblem(null);
    try {
      setIssued(await createScimToken(name.trim()));
      setName("");
      tokens.refresh();
    } catch (error) {
      setProblem(errorMessage(error));
    } finally {
      setBusy(false);
    }
  }

  async function revoke(token: ScimToken) {
    const sure = window.confirm(
      `Revoke ${token.name}? The identity provider using it stops ` +
        "provisioning at once.",
    );
    if (!sure) return;
    try {
      await revokeScimToken(token.id);
      announce(`Revoked ${token.name}`);
      tokens.refresh();
    } catch (error) {
      setProblem(errorMessage(error));
    }
  }

  return (
    <div className="scim-tokens">
      <div className="page-header">
        <div>
          <h1 className="page-title">SCIM tokens</h1>
          <p className="page-subtitle">
            Your identity provider creates, updates and deactivates people
            through SCIM at <code>/scim/v2</code>, with one of these tokens.
          </p>
        </div>
      </div>
      {issued && <IssuedToken issued={issued} onDone={() => setIssued(null)} />}
      <form className="scim-tokens__form" onSubmit={create}>
        <div className="field">
          <label className="field__label" htmlFor="scim-token-name">
            Name
          </label>
          <input
            id="scim-token-name"
            className="input"
            value={name}
            maxLength={100}
            placeholder="Okta production"
            onChange={(e) => setName(e.target.value)}
            aria-invalid={problem !== null}
            aria-describedby={problem ? "scim-token-problem" : undefined}
          />
        </div>
        <button
          type="submit"
          className="button button--primary"
          disabled={busy || name.trim() === ""}
        >
          Create token
        </button>
      </form>
      {problem && (
        <p className="field__error" id="scim-token-problem" role="alert">
          {problem}
        </p>
      )}
      {tokens.status === "loading" && <Loading label="Loading tokens…" />}
      {tokens.status === "error" && (
        <ErrorNotice error={tokens.error} onRetry={tokens.reload} />
      )}
      {tokens.status === "success" && tokens.data.items.length === 0 && (
        <EmptyState title="No tokens yet." />
      )}
      {tokens.status === "success" && tokens.data.items.length > 0 && (
        <ul className="scim-tokens__list">
          {sortScimTokens(tokens.data.items).map((token) => (
            <li key={token.id} className="scim-tokens__item">
              <span className="scim-tokens__name">{token.name}</span>
              <span className="scim-tokens__status">
                {scimTokenStatus(token)}
              </span>
              {!token.revokedAt && (
                <button
                  type="button"
                  className="button button--danger-quiet"
                  onClick={() => revoke(token)}
                >
                  Revoke<span className="visually-hidden"> {token.name}</span>
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
