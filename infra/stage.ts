/**
 * What differs between stages. Production keeps its data and its size;
 * every other stage (`pr-<number>` previews, a developer's own) is as small
 * as AWS allows and is removed whole with `sst remove`.
 */
export const isProduction = $app.stage === "production";

/** A stage made for one pull request, e.g. `pr-42`. */
export const isPreview = /^pr-\d+$/.test($app.stage);
