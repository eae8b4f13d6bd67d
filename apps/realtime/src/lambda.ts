import { lambdaEntries } from "./lambda-setup.js";

const entries = lambdaEntries();

/** `$connect`: spends the `?ticket=` and records the connection. */
export const connect = entries.connect;
/** `$disconnect`: forgets the connection and announces presence. */
export const disconnect = entries.disconnect;
/** `$default`: subscribe, unsubscribe, ping, resume. */
export const message = entries.message;
/** Scheduled every minute: stale connections, old journal, old tickets. */
export const sweep = entries.sweep;
