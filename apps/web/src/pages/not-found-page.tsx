import { EmptyState } from "../components/states";
import { useDocumentTitle } from "../hooks/use-document-title";
import { Link } from "../router";
import { paths } from "../routes";

/** Any address Roster does not know. */
export function NotFoundPage() {
  useDocumentTitle("Page not found");
  return (
    <div className="page-state">
      <h1 className="page-title">Page not found</h1>
      <EmptyState title="There is no page at this address.">
        <Link to={paths.directory()} className="button">
          Go to the directory
        </Link>
      </EmptyState>
    </div>
  );
}
