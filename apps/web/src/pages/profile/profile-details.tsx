import type { ReactNode } from "react";
import type { Employee } from "../../api/types";
import { LocalTime } from "../../components/local-time";
import { formatCalendarDate, telHref } from "../../lib/format";
import { Link } from "../../router";
import { paths } from "../../routes";

const PHONE_KINDS = { work: "Work", mobile: "Mobile", other: "Other" };
const ROLES = { employee: "Employee", hr: "HR", admin: "Administrator" };

// The photo's face hint is about the photo, not one of the details the
// note below speaks of.
const withheldDetails = (person: Employee) =>
  (person.hiddenFields ?? []).some((f) => f !== "photoFaces");

/** Every field of a profile, grouped for reading. */
export function ProfileDetails({ person }: { person: Employee }) {
  const place = person.location;
  const where = [place?.city, place?.countryCode].filter(Boolean).join(", ");
  return (
    <div className="profile__details">
      <section className="panel" aria-labelledby="contact-title">
        <h2 id="contact-title" className="panel__title">
          Contact
        </h2>
        <dl className="details">
          <Detail term="Email">
            <a href={`mailto:${person.email}`}>{person.email}</a>
          </Detail>
          {person.personalPhone && (
            <Detail term="Personal phone">
              <a href={`tel:${person.personalPhone.replace(/[^\d+]/g, "")}`}>
                {person.personalPhone}
              </a>
            </Detail>
          )}
          {person.birthday && (
            <Detail term="Birthday">{formatMonthDay(person.birthday)}</Detail>
          )}
          <Detail term={person.phones.length > 1 ? "Phones" : "Phone"}>
            {person.phones.length === 0 ? (
              <Missing />
            ) : (
              <ul className="plain-list">
                {person.phones.map((p) => (
                  <li key={`${p.kind}:${p.number}`}>
                    <a href={telHref(p.number, p.digits)}>{p.number}</a>
                    <span className="muted"> · {PHONE_KINDS[p.kind]}</span>
                  </li>
                ))}
              </ul>
            )}
          </Detail>
        </dl>
        {withheldDetails(person) && (
          <p className="panel__note muted">
            Some of {person.displayName}'s details are visible only to people
            they work with, or to HR.
          </p>
        )}
      </section>

      <section className="panel" aria-labelledby="work-title">
        <h2 id="work-title" className="panel__title">
          Work
        </h2>
        <dl className="details">
          <Detail term="Job title">{person.jobTitle ?? <Missing />}</Detail>
          <Detail term="Department">
            {person.department?.name ?? <Missing />}
          </Detail>
          <Detail term="Location">
            {place ? (
              <span className="stack">
                <span>
                  {place.name}
                  {where && where !== place.name && (
                    <span className="muted"> · {where}</span>
                  )}
                </span>
                <LocalTime timeZone={place.timeZone} />
              </span>
            ) : (
              <Missing />
            )}
          </Detail>
          <Detail term="Manager">
            {person.manager ? (
              <Link to={paths.profile(person.manager.id)}>
                {person.manager.name}
              </Link>
            ) : (
              <span className="muted">
                No manager (top of the organisation)
              </span>
            )}
          </Detail>
          <Detail term="Start date">
            {person.startDate ? (
              formatCalendarDate(person.startDate)
            ) : (
              <Missing />
            )}
          </Detail>
          <Detail term="Access">{ROLES[person.role]}</Detail>
        </dl>
      </section>

      <section className="panel" aria-labelledby="about-title">
        <h2 id="about-title" className="panel__title">
          About
        </h2>
        {person.bio ? (
          <p className="bio">{person.bio}</p>
        ) : (
          <p className="panel__empty">No bio yet.</p>
        )}
        <TagList title="Skills" tags={person.skills} />
        <TagList title="Badges" tags={person.badges} />
      </section>

      <section className="panel" aria-labelledby="names-title">
        <h2 id="names-title" className="panel__title">
          Names
        </h2>
        <dl className="details">
          <Detail term="Given name">{person.givenName}</Detail>
          <Detail term="Family name">{person.familyName}</Detail>
          <Detail term="Preferred name">
            {person.preferredName ?? <Missing />}
          </Detail>
          <Detail term="Pronouns">{person.pronouns ?? <Missing />}</Detail>
        </dl>
      </section>
    </div>
  );
}

const MONTHS = new Intl.DateTimeFormat(undefined, {
  month: "long",
  day: "numeric",
  timeZone: "UTC",
});

/** "03-14" as the reader's locale says it, e.g. "March 14". */
function formatMonthDay(monthDay: string): string {
  const [month = 1, day = 1] = monthDay.split("-").map(Number);
  // A leap year, so 02-29 is a real day.
  return MONTHS.format(Date.UTC(2000, month - 1, day));
}

function Detail({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="details__row">
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function Missing() {
  return <span className="muted">Not given</span>;
}

function TagList({ title, tags }: { title: string; tags: string[] }) {
  return (
    <div className="tag-section">
      <h3 className="tag-section__title">{title}</h3>
      {tags.length === 0 ? (
        <p className="panel__empty">None listed.</p>
      ) : (
        <ul className="tags">
          {tags.map((tag) => (
            <li key={tag} className="tag">
              {tag}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
