import { canCreate } from "../lib/permissions";
import { Link } from "../router";
import { paths, type Route } from "../routes";
import { useMe } from "../session";
import { ActingAsSwitcher } from "./acting-as-switcher";
import { ConnectionStatus } from "./connection-status";
import { SignOutButton } from "./sign-out-button";

/** The bar on every page: product name, main navigation, who you are. */
export function SiteHeader({ route }: { route: Route }) {
  const me = useMe();
  const own = me?.employee;
  const current = (active: boolean) => (active ? "page" : undefined);
  return (
    <header className="site-header">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <div className="site-header__inner">
        <Link to={paths.directory()} className="brand">
          <span className="brand__mark" aria-hidden="true">
            R
          </span>
          <span className="brand__name">Roster</span>
        </Link>
        <nav className="site-nav" aria-label="Main">
          <ul>
            <li>
              <Link
                to={paths.directory()}
                aria-current={current(route.page === "directory")}
              >
                Directory
              </Link>
            </li>
            {own && (
              <li>
                <Link
                  to={paths.profile(own.id)}
                  aria-current={current(
                    route.page === "profile" && route.id === own.id,
                  )}
                >
                  My profile
                </Link>
              </li>
            )}
            {canCreate(me) && (
              <li>
                <Link
                  to={paths.create()}
                  aria-current={current(route.page === "new")}
                >
                  Add person
                </Link>
              </li>
            )}
            {canCreate(me) && (
              <li>
                <Link
                  to={paths.importPeople()}
                  aria-current={current(route.page === "import")}
                >
                  Import
                </Link>
              </li>
            )}
            {me?.actor.role === "admin" && (
              <li>
                <Link
                  to={paths.scimTokens()}
                  aria-current={current(route.page === "scim-tokens")}
                >
                  Provisioning
                </Link>
              </li>
            )}
          </ul>
        </nav>
        <ConnectionStatus />
        <ActingAsSwitcher />
        <SignOutButton />
      </div>
    </header>
  );
}
