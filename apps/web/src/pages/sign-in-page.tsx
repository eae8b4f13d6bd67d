import { signInUrl } from "../api/auth";
import { useDocumentTitle } from "../hooks/use-document-title";

/**
 * Where a failed or expired sign-in lands: what went wrong, and a way to
 * try again through the company's identity provider.
 */
export function SignInPage({ search }: { search: string }) {
  useDocumentTitle("Sign in");
  const error = new URLSearchParams(search).get("error")?.slice(0, 300);
  return (
    <div className="page-state">
      <h1 className="page-title">Sign in to Roster</h1>
      {error ? (
        <p role="alert" className="sign-in__error">
          {error}
        </p>
      ) : (
        <p>You are signed out.</p>
      )}
      <p>
        <a className="button button--primary" href={signInUrl("/")}>
          Sign in with your company account
        </a>
      </p>
    </div>
  );
}
