import type { DirectReport } from "../../api/types";
import { Avatar } from "../../components/avatar";
import { ErrorNotice, Loading } from "../../components/states";
import type { Resource } from "../../hooks/use-resource";
import { countPeople } from "../../lib/format";
import { Link } from "../../router";
import { paths } from "../../routes";

interface DirectReportsProps {
  reports: Resource<DirectReport[]> & { reload: () => void };
}

/** The people who report to this person, each with the size of their team. */
export function DirectReports({ reports }: DirectReportsProps) {
  return (
    <section className="panel" aria-labelledby="reports-title">
      <h2 id="reports-title" className="panel__title">
        Direct reports
        {reports.status === "success" && reports.data.length > 0 && (
          <span className="panel__count"> {reports.data.length}</span>
        )}
      </h2>
      {reports.status === "loading" && <Loading label="Loading team…" />}
      {reports.status === "error" && (
        <ErrorNotice
          error={reports.error}
          title="The team could not load."
          onRetry={reports.reload}
        />
      )}
      {reports.status === "success" && reports.data.length === 0 && (
        <p className="panel__empty">No one reports to this person.</p>
      )}
      {reports.status === "success" && reports.data.length > 0 && (
        <ul className="report-list">
          {reports.data.map((r) => (
            <li key={r.id} className="report">
              <Avatar
                id={r.id}
                name={r.displayName}
                size="small"
                photoKey={r.photoKey}
              />
              <div className="report__body">
                <Link to={paths.profile(r.id)} className="report__name">
                  {r.displayName}
                </Link>
                {r.jobTitle && (
                  <span className="report__title">{r.jobTitle}</span>
                )}
              </div>
              {r.totalReportCount > 0 && (
                <span className="report__team">
                  {countPeople(r.totalReportCount)} below
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
