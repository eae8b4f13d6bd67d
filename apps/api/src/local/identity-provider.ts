import { randomBytes } from "node:crypto";
import {
  createServer,
  type IncomingMessage,
  type ServerResponse,
} from "node:http";
import type { AddressInfo } from "node:net";
import { exportJWK, generateKeyPair } from "jose";
import Provider, { type Configuration } from "oidc-provider";
import {
  loginPage,
  signedOutPage,
  signOutPage,
} from "./identity-provider-page.js";

/** Someone the local provider can sign in: a person in the directory. */
export interface LocalAccount {
  id: string;
  email: string;
  givenName: string;
  familyName: string;
  displayName: string;
}

/** Where the local provider finds the people it signs in. */
export interface LocalAccounts {
  byId(id: string): Promise<LocalAccount | undefined>;
  byEmail(email: string): Promise<LocalAccount | undefined>;
  /** People for the sign-in page to offer, matching a typed query. */
  search(query: string, limit: number): Promise<LocalAccount[]>;
}

export interface LocalClient {
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
  postLogoutRedirectUris: string[];
}

export interface LocalIdentityProviderOptions {
  accounts: LocalAccounts;
  clients: LocalClient[];
  /** 0 picks a free port. */
  port?: number;
  host?: string;
}

export interface LocalIdentityProvider {
  /** The issuer: discovery lives at issuer + /.well-known/openid-configuration. */
  issuer: string;
  close(): Promise<void>;
}

const MAX_FORM_BYTES = 4096;

/**
 * A real OpenID Connect provider on loopback, for `pnpm dev` and the tests,
 * so sign-in runs the same authorization-code-with-PKCE path as with the
 * company's provider. Its sign-in page asks only who you are: there are no
 * passwords, which is why it binds to loopback and never runs in AWS.
 *
 * It keeps its own sessions in memory (it says so at start), so restarting
 * it signs you out of the provider, not of Roster. `oidc-provider` also
 * warns that it prefers Node 22; the flows Roster uses are tested here on
 * Node 20.
 */
export async function startLocalIdentityProvider(
  options: LocalIdentityProviderOptions,
): Promise<LocalIdentityProvider> {
  const host = options.host ?? "127.0.0.1";
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const issuer = `http://${host}:${port}`;
  const provider = new Provider(
    issuer,
    await configuration(options.accounts, options.clients),
  );
  const oidc = provider.callback();

  server.on("request", (req, res) => {
    const path = new URL(req.url ?? "/", issuer).pathname;
    const match = /^\/interaction\/([\w-]+)$/.exec(path);
    if (!match) {
      oidc(req, res);
      return;
    }
    handleInteraction(provider, options.accounts, req, res).catch(
      (error: unknown) => {
        if (!res.headersSent) {
          res.writeHead(400, { "content-type": "text/plain; charset=utf-8" });
        }
        res.end(`Sign-in failed: ${String(error)}`);
      },
    );
  });

  return {
    issuer,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

async function configuration(
  accounts: LocalAccounts,
  clients: LocalClient[],
): Promise<Configuration> {
  const { privateKey } = await generateKeyPair("RS256", { extractable: true });
  const signingKey = { ...(await exportJWK(privateKey)), use: "sig" };
  return {
    clients: clients.map((c) => ({
      client_id: c.clientId,
      client_secret: c.clientSecret,
      redirect_uris: c.redirectUris,
      post_logout_redirect_uris: c.postLogoutRedirectUris,
      // A native client may come back to any port on loopback (RFC 8252),
      // so the UI's dev server and a test's free port both work.
      application_type: "native",
      response_types: ["code"],
      grant_types: ["authorization_code"],
      token_endpoint_auth_method: "client_secret_basic",
    })),
    jwks: { keys: [signingKey] },
    cookies: { keys: [randomBytes(32).toString("base64url")] },
    pkce: { required: () => true },
    ttl: {
      AuthorizationCode: 60,
      AccessToken: 3600,
      IdToken: 3600,
      Interaction: 3600,
      Grant: 12 * 3600,
      Session: 12 * 3600,
    },
    scopes: ["openid", "email", "profile"],
    claims: {
      openid: ["sub"],
      email: ["email", "email_verified"],
      profile: ["name", "given_name", "family_name"],
    },
    features: {
      devInteractions: { enabled: false },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: (ctx, form) => {
          ctx.type = "html";
          ctx.body = signOutPage(form);
        },
        postLogoutSuccessSource: (ctx) => {
          ctx.type = "html";
          ctx.body = signedOutPage();
        },
      },
    },
    interactions: {
      url: (_ctx, interaction) => `/interaction/${interaction.uid}`,
    },
    findAccount: async (_ctx, id) => {
      const person = await accounts.byId(id);
      if (!person) return undefined;
      return {
        accountId: person.id,
        claims: () => ({
          sub: person.id,
          email: person.email,
          email_verified: true,
          name: person.displayName,
          given_name: person.givenName,
          family_name: person.familyName,
        }),
      };
    },
    renderError: (ctx, out) => {
      ctx.type = "text/plain; charset=utf-8";
      ctx.body = `Sign-in failed: ${out.error}: ${out.error_description ?? ""}`;
    },
  };
}

async function handleInteraction(
  provider: Provider,
  accounts: LocalAccounts,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const details = await provider.interactionDetails(req, res);
  if (details.prompt.name === "consent") {
    // Roster is this provider's only client: consent is implied.
    await grantConsent(provider, details, req, res);
    return;
  }
  if (req.method === "GET") {
    const query = new URL(req.url ?? "/", "http://local").searchParams;
    const typed = query.get("q")?.slice(0, 200) ?? "";
    const people = await accounts.search(typed, 50);
    res.writeHead(200, {
      "content-type": "text/html; charset=utf-8",
      "cache-control": "no-store",
    });
    res.end(loginPage({ uid: details.uid, query: typed, people }));
    return;
  }
  if (req.method !== "POST") {
    res.writeHead(405, { allow: "GET, POST" }).end();
    return;
  }
  const form = new URLSearchParams(await readForm(req));
  const email = form.get("email")?.trim() ?? "";
  const person = email ? await accounts.byEmail(email) : undefined;
  if (!person) {
    const people = await accounts.search("", 50);
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end(
      loginPage({
        uid: details.uid,
        query: "",
        people,
        error: email
          ? `Nobody in the directory has the email ${email}.`
          : "Enter the email of the person to sign in as.",
      }),
    );
    return;
  }
  await provider.interactionFinished(
    req,
    res,
    { login: { accountId: person.id } },
    { mergeWithLastSubmission: false },
  );
}

async function readForm(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_FORM_BYTES) throw new Error("the form is too large");
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

async function grantConsent(
  provider: Provider,
  details: Awaited<ReturnType<Provider["interactionDetails"]>>,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const accountId = details.session?.accountId;
  const clientId = details.params.client_id;
  if (!accountId || typeof clientId !== "string") {
    throw new Error("the consent prompt came before anyone signed in");
  }
  const grant = details.grantId
    ? await provider.Grant.find(details.grantId)
    : new provider.Grant({ accountId, clientId });
  if (!grant) throw new Error("the sign-in's grant has expired");
  const missing = details.prompt.details.missingOIDCScope;
  grant.addOIDCScope(
    Array.isArray(missing) ? missing.join(" ") : "openid email profile",
  );
  const claims = details.prompt.details.missingOIDCClaims;
  if (Array.isArray(claims)) grant.addOIDCClaims(claims as string[]);
  await provider.interactionFinished(
    req,
    res,
    { consent: { grantId: await grant.save() } },
    { mergeWithLastSubmission: true },
  );
}
