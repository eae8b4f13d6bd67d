import { SearchIcon } from "../../components/icons";

interface SearchBoxProps {
  value: string;
  onChange: (value: string) => void;
  onSubmit: () => void;
}

/** The directory's search field; results follow as you type. */
export function SearchBox({ value, onChange, onSubmit }: SearchBoxProps) {
  return (
    <search className="search">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          onSubmit();
        }}
      >
        <label htmlFor="directory-search" className="visually-hidden">
          Search people
        </label>
        <div className="search__control">
          <SearchIcon className="search__icon" />
          <input
            id="directory-search"
            className="search__input"
            type="search"
            autoComplete="off"
            spellCheck={false}
            maxLength={200}
            placeholder="Search people by name, title, team, skill or phone"
            value={value}
            onChange={(e) => onChange(e.target.value)}
          />
        </div>
      </form>
    </search>
  );
}
