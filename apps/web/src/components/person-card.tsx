import type { Employee } from "../api/types";
import { Link } from "../router";
import { paths } from "../routes";
import { Avatar } from "./avatar";
import { PinIcon } from "./icons";
import { LocalTime } from "./local-time";
import { PresenceBadge } from "./presence-badge";

/**
 * One person in the directory. The name is the card's link and stretches
 * over the whole card, so a click anywhere or Enter on it opens the profile.
 */
export function PersonCard({ person }: { person: Employee }) {
  const place = person.location?.name;
  return (
    <article className="person-card">
      <Avatar
        id={person.id}
        name={person.displayName}
        photoKey={person.photoKey}
      />
      <div className="person-card__body">
        <h3 className="person-card__name">
          <Link to={paths.profile(person.id)} className="person-card__link">
            {person.displayName}
          </Link>
          {person.pronouns && (
            <span className="pronouns"> ({person.pronouns})</span>
          )}
        </h3>
        {person.jobTitle && (
          <p className="person-card__title">{person.jobTitle}</p>
        )}
        {person.department && (
          <p className="person-card__department">{person.department.name}</p>
        )}
        <PresenceBadge id={person.id} />
        {(place || person.location?.timeZone) && (
          <p className="person-card__meta">
            {place && (
              <span className="person-card__place">
                <PinIcon />
                <span>{place}</span>
              </span>
            )}
            <LocalTime timeZone={person.location?.timeZone ?? null} />
          </p>
        )}
      </div>
    </article>
  );
}
