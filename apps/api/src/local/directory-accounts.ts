import { isUuid } from "@roster/core";
import {
  type Database,
  findSignInAccount,
  searchSignInAccounts,
} from "@roster/db";
import type { LocalAccounts } from "./identity-provider.js";

/** The local provider's accounts: the active people of the directory. */
export function directoryAccounts(db: Database): LocalAccounts {
  return {
    byId: async (id) =>
      isUuid(id) ? findSignInAccount(db, { id }) : undefined,
    byEmail: (email) => findSignInAccount(db, { email }),
    search: (query, limit) => searchSignInAccounts(db, query, limit),
  };
}
