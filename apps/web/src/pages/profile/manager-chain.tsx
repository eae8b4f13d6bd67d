import type { Employee, PersonSummary } from "../../api/types";
import type { Resource } from "../../hooks/use-resource";
import { lastDirectorySearch } from "../../lib/last-search";
import { Link } from "../../router";
import { paths } from "../../routes";

interface ManagerChainProps {
  person: Employee;
  chain: Resource<PersonSummary[]>;
}

/** The reporting line as a breadcrumb, from the top down to this person. */
export function ManagerChain({ person, chain }: ManagerChainProps) {
  return (
    <nav className="breadcrumb" aria-label="Reporting line">
      <ol className="breadcrumb__list">
        <li>
          <Link to={paths.directory(lastDirectorySearch())}>Directory</Link>
        </li>
        {chain.status === "success" &&
          chain.data.map((manager) => (
            <li key={manager.id}>
              <Link to={paths.profile(manager.id)}>{manager.displayName}</Link>
            </li>
          ))}
        {chain.status === "loading" && (
          <li className="breadcrumb__pending">Loading reporting line…</li>
        )}
        {chain.status === "error" && (
          <li className="breadcrumb__pending">Reporting line unavailable</li>
        )}
        <li>
          <span aria-current="page">{person.displayName}</span>
        </li>
      </ol>
    </nav>
  );
}
