import { getEmployee, getManagerChain, getReports } from "../api/employees";
import { ApiError } from "../api/errors";
import { EmptyState, ErrorNotice, Loading } from "../components/states";
import { useDocumentTitle } from "../hooks/use-document-title";
import { useResource } from "../hooks/use-resource";
import { lastDirectorySearch } from "../lib/last-search";
import { canReadHistory } from "../lib/permissions";
import {
  isNewerVersion,
  touchesTeam,
  useLiveRefresh,
} from "../realtime/use-live-refresh";
import { Link } from "../router";
import { paths } from "../routes";
import { useMe } from "../session";
import { DirectReports } from "./profile/direct-reports";
import { HistoryPanel } from "./profile/history-panel";
import { ManagerChain } from "./profile/manager-chain";
import { ProfileDetails } from "./profile/profile-details";
import { ProfileHeader } from "./profile/profile-header";

/** One person's profile: who they are, where they sit, who they lead. */
export function ProfilePage({ id }: { id: string }) {
  const me = useMe();
  const person = useResource((signal) => getEmployee(id, signal), [id]);
  const chain = useResource((signal) => getManagerChain(id, signal), [id]);
  const reports = useResource((signal) => getReports(id, signal), [id]);
  useDocumentTitle(person.data?.displayName ?? "Profile");
  // Live changes refetch in place: this person when a newer version is
  // out, and the reporting line and team when someone in them changes or
  // anyone joins, leaves or changes manager.
  const shown = person.data?.version ?? 0;
  useLiveRefresh(person.refresh, (e) => isNewerVersion(e, id, shown));
  const team = new Set([
    id,
    ...(chain.data ?? []).map((p) => p.id),
    ...(reports.data ?? []).map((p) => p.id),
  ]);
  useLiveRefresh(
    () => {
      chain.refresh();
      reports.refresh();
    },
    (e) => touchesTeam(e, team),
  );

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
        {canReadHistory(me, employee.id) && <HistoryPanel id={employee.id} />}
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
