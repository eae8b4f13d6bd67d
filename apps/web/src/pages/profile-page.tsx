import { getEmployee, getManagerChain, getReports } from "../api/employees";
import { ApiError } from "../api/errors";
import { EmptyState, ErrorNotice, Loading } from "../components/states";
import { useDocumentTitle } from "../hooks/use-document-title";
import { useResource } from "../hooks/use-resource";
import { lastDirectorySearch } from "../lib/last-search";
import { Link } from "../router";
import { paths } from "../routes";
import { DirectReports } from "./profile/direct-reports";
import { ManagerChain } from "./profile/manager-chain";
import { ProfileDetails } from "./profile/profile-details";
import { ProfileHeader } from "./profile/profile-header";

/** One person's profile: who they are, where they sit, who they lead. */
export function ProfilePage({ id }: { id: string }) {
  const person = useResource((signal) => getEmployee(id, signal), [id]);
  const chain = useResource((signal) => getManagerChain(id, signal), [id]);
  const reports = useResource((signal) => getReports(id, signal), [id]);
  useDocumentTitle(person.data?.displayName ?? "Profile");

  if (person.status === "loading") return <Loading label="Loading profile…" />;
  if (person.status === "error") {
    return <ProfileError error={person.error} onRetry={person.reload} />;
  }
  const employee = person.data;
  return (
    <article className="profile" aria-labelledby="profile-name">
      <ManagerChain person={employee} chain={chain} />
      <ProfileHeader
        person={employee}
        reportCount={reports.data?.length ?? 0}
      />
      <div className="profile__grid">
        <ProfileDetails person={employee} />
        <DirectReports reports={reports} />
      </div>
    </article>
  );
}

function ProfileError({
  error,
  onRetry,
}: {
  error: unknown;
  onRetry: () => void;
}) {
  const back = (
    <Link to={paths.directory(lastDirectorySearch())} className="button">
      Back to the directory
    </Link>
  );
  if (error instanceof ApiError && error.status === 404) {
    return (
      <div className="page-state">
        <h1 className="page-title">Person not found</h1>
        <EmptyState title="No one in the directory has this address.">
          <p>They may have left, or the link may be mistyped.</p>
          {back}
        </EmptyState>
      </div>
    );
  }
  return (
    <div className="page-state">
      <h1 className="page-title">Profile</h1>
      <ErrorNotice
        error={error}
        title="This profile could not load."
        onRetry={onRetry}
      />
      {back}
    </div>
  );
}
