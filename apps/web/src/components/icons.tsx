// Small line icons, drawn at 16px with the text colour. All decorative: the
// text beside each says what it means.

interface IconProps {
  className?: string;
}

function Icon({ className, d }: IconProps & { d: string }) {
  return (
    <svg
      className={`icon ${className ?? ""}`}
      viewBox="0 0 24 24"
      width="16"
      height="16"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d={d} />
    </svg>
  );
}

export const ClockIcon = (p: IconProps) => (
  <Icon {...p} d="M12 7v5l3 2M21 12a9 9 0 1 1-18 0 9 9 0 0 1 18 0Z" />
);
export const PinIcon = (p: IconProps) => (
  <Icon
    {...p}
    d="M12 21s-7-6.2-7-11.5a7 7 0 0 1 14 0C19 14.8 12 21 12 21Zm0-9a2.5 2.5 0 1 0 0-5 2.5 2.5 0 0 0 0 5Z"
  />
);
export const TeamIcon = (p: IconProps) => (
  <Icon
    {...p}
    d="M16 20v-1.5a3.5 3.5 0 0 0-3.5-3.5h-5A3.5 3.5 0 0 0 4 18.5V20M10 11a3.5 3.5 0 1 0 0-7 3.5 3.5 0 0 0 0 7Zm10 9v-1.5a3.5 3.5 0 0 0-2.5-3.4M15.5 4.2a3.5 3.5 0 0 1 0 6.6"
  />
);
export const SearchIcon = (p: IconProps) => (
  <Icon
    {...p}
    d="m20 20-4.3-4.3M18 10.5a7.5 7.5 0 1 1-15 0 7.5 7.5 0 0 1 15 0Z"
  />
);
export const PlusIcon = (p: IconProps) => <Icon {...p} d="M12 5v14M5 12h14" />;
export const CloseIcon = (p: IconProps) => (
  <Icon {...p} d="M18 6 6 18M6 6l12 12" />
);
export const FilterIcon = (p: IconProps) => (
  <Icon {...p} d="M4 6h16M7 12h10M10 18h4" />
);
export const MailIcon = (p: IconProps) => (
  <Icon {...p} d="M4 6h16v12H4zM4 7l8 6 8-6" />
);
export const PhoneIcon = (p: IconProps) => (
  <Icon
    {...p}
    d="M5 4h4l2 5-2.5 1.5a11 11 0 0 0 5 5L15 13l5 2v4a2 2 0 0 1-2 2A16 16 0 0 1 3 6a2 2 0 0 1 2-2Z"
  />
);
export const ChevronIcon = (p: IconProps) => <Icon {...p} d="m9 6 6 6-6 6" />;
export const BackIcon = (p: IconProps) => <Icon {...p} d="m15 6-6 6 6 6" />;
