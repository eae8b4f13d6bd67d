import { database } from "./database";
import { lambdaDefaults } from "./functions";
import { afterMigrations } from "./migrations";
import { realtime } from "./realtime";
import {
  oidcClientId,
  oidcClientSecret,
  oidcIssuer,
  sessionSecret,
} from "./secrets";
import { companyDomain, publicUrl } from "./settings";
import { photos } from "./storage";
import { worker } from "./worker";

/**
 * The Hono app on an HTTP API. Its `$default` stage puts no prefix in
 * paths, so the app's own `/api/...` routes are the public ones.
 */
export const api = new sst.aws.ApiGatewayV2("Api");

api.route("$default", {
  ...lambdaDefaults,
  handler: "apps/api/src/lambda/index.handler",
  link: [
    database,
    photos,
    realtime,
    worker,
    sessionSecret,
    oidcIssuer,
    oidcClientId,
    oidcClientSecret,
  ],
  timeout: "29 seconds",
  environment: {
    ROSTER_COMPANY_DOMAIN: companyDomain,
    ...(publicUrl ? { ROSTER_PUBLIC_URL: publicUrl } : {}),
  },
  transform: afterMigrations,
});
