import type { Employee } from "../../api/types";
import { Avatar } from "../../components/avatar";
import { PinIcon } from "../../components/icons";
import { LocalTime } from "../../components/local-time";
import { PresenceBadge } from "../../components/presence-badge";
import { canDelete, editableFields } from "../../lib/permissions";
import { canChangePhoto } from "../../lib/photo";
import { Link } from "../../router";
import { paths } from "../../routes";
import { useMe } from "../../session";
import { DeletePerson } from "./delete-person";
import { PhotoUpload } from "./photo-upload";

interface ProfileHeaderProps {
  person: Employee;
  reportCount: number;
}

/** Name, role and place at a glance, with the actions the actor may take. */
export function ProfileHeader({ person, reportCount }: ProfileHeaderProps) {
  const me = useMe();
  const mayEdit = editableFields(me, person.id).size > 0;
  const isSelf = me?.actor.id === person.id;
  return (
    <header className="profile-header">
      <Avatar
        id={person.id}
        name={person.displayName}
        size="large"
        photoKey={person.photoKey}
      />
      <div className="profile-header__text">
        <h1 id="profile-name" className="profile-header__name">
          {person.displayName}
          {person.pronouns && (
            <span className="pronouns"> ({person.pronouns})</span>
          )}
        </h1>
        {person.jobTitle && (
          <p className="profile-header__title">{person.jobTitle}</p>
        )}
        <p className="profile-header__meta">
          {person.department && <span>{person.department.name}</span>}
          {person.location && (
            <span className="profile-header__place">
              <PinIcon /> {person.location.name}
            </span>
          )}
          <LocalTime timeZone={person.location?.timeZone ?? null} />
          <PresenceBadge id={person.id} />
        </p>
      </div>
      <div className="profile-header__actions">
        {mayEdit && (
          <Link to={paths.edit(person.id)} className="button button--primary">
            {isSelf ? "Edit my profile" : "Edit"}
          </Link>
        )}
        {canDelete(me, person.id) && (
          <DeletePerson person={person} reportCount={reportCount} />
        )}
        <a
          className="button"
          href={`/api/employees/${encodeURIComponent(person.id)}/vcard`}
          download
        >
          Download vCard
        </a>
        {canChangePhoto(me, person.id) && (
          <PhotoUpload
            personId={person.id}
            faces={person.photoFaces ?? null}
            owner={isSelf ? "self" : "other"}
          />
        )}
      </div>
    </header>
  );
}
