import { lambdaHandlerFromEnv } from "./handler.js";

/** The entry API Gateway invokes. */
export const handler = lambdaHandlerFromEnv();
