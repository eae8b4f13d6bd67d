import { escapeHtml } from "../http/html.js";
import type { LocalAccount } from "./identity-provider.js";

export interface LoginPageModel {
  uid: string;
  query: string;
  people: LocalAccount[];
  error?: string;
}

const STYLE = `<style>
body{font:16px/1.5 system-ui,sans-serif;max-width:36rem;margin:3rem auto;
padding:0 1rem;color:#1f2328}
h1{font-size:1.5rem}.note{color:#57606a}.error{color:#b42318}
ul{list-style:none;padding:0}li form{margin:0}
li button{width:100%;text-align:left;padding:.5rem .75rem;margin:.25rem 0;
border:1px solid #d0d7de;border-radius:6px;background:#fff;cursor:pointer}
li button:hover,li button:focus{border-color:#0969da}
small{color:#57606a}label{display:block;margin-top:1rem}
input[type=email],input[type=search]{width:100%;padding:.5rem;
box-sizing:border-box}
</style>`;

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
${STYLE}
</head>
<body>
<main>
${body}
</main>
</body>
</html>`;
}

/**
 * The provider's question before it ends its own session. `form` is the
 * provider's hidden form (with its CSRF value), which the buttons submit.
 */
export function signOutPage(form: string): string {
  return page(
    "Sign out of Roster (local)",
    `<h1>Sign out of Roster?</h1>
<p class="note">This ends your session with the local identity provider
too, so the next sign-in asks who you are again.</p>
${form}
<button autofocus type="submit" form="op.logoutForm" name="logout"
value="yes">Yes, sign me out</button>
<button type="submit" form="op.logoutForm">No, stay signed in</button>`,
  );
}

/** Shown when sign-out ends at the provider with nowhere to return to. */
export function signedOutPage(): string {
  return page("Signed out (local)", "<h1>You are signed out</h1>");
}

/** The local provider's sign-in page: pick or type who you are. */
export function loginPage(model: LoginPageModel): string {
  const action = `/interaction/${encodeURIComponent(model.uid)}`;
  const options = model.people
    .map(
      (p) =>
        `<li><form method="post" action="${action}">` +
        `<input type="hidden" name="email" value="${escapeHtml(p.email)}">` +
        `<button type="submit">${escapeHtml(p.displayName)}` +
        ` <small>${escapeHtml(p.email)}</small></button></form></li>`,
    )
    .join("");
  const error = model.error
    ? `<p role="alert" class="error">${escapeHtml(model.error)}</p>`
    : "";
  return page(
    "Sign in to Roster (local)",
    `<h1>Sign in to Roster</h1>
<p class="note">This is the local identity provider used in development.
It asks only who you are; your company's provider signs you in in
production.</p>
${error}
<form method="post" action="${action}">
<label for="email">Work email</label>
<input id="email" name="email" type="email" autocomplete="username" required>
<button type="submit">Sign in</button>
</form>
<form method="get" action="${action}">
<label for="q">Or find a person</label>
<input id="q" name="q" type="search" value="${escapeHtml(model.query)}">
</form>
<ul aria-label="People">${options}</ul>`,
  );
}
