import { useEffect, useRef } from "react";
import { SiteHeader } from "./components/site-header";
import { Toaster } from "./components/toast";
import { DirectoryPage } from "./pages/directory-page";
import { EditPage, NewPersonPage } from "./pages/edit-page";
import { ImportPage } from "./pages/import-page";
import { NotFoundPage } from "./pages/not-found-page";
import { ProfilePage } from "./pages/profile-page";
import { ScimTokensPage } from "./pages/scim-tokens-page";
import { SignInPage } from "./pages/sign-in-page";
import { LiveProvider } from "./realtime/live-context";
import { useLocation } from "./router";
import { matchRoute, type Route } from "./routes";
import { SessionProvider, useActingAs } from "./session";

function Page({ route, search }: { route: Route; search: string }) {
  switch (route.page) {
    case "sign-in":
      return <SignInPage search={search} />;
    case "directory":
      return <DirectoryPage />;
    case "profile":
      return <ProfilePage key={route.id} id={route.id} />;
    case "edit":
      return <EditPage key={route.id} id={route.id} />;
    case "new":
      return <NewPersonPage />;
    case "scim-tokens":
      return <ScimTokensPage />;
    case "import":
      return <ImportPage />;
    case "not-found":
      return <NotFoundPage />;
  }
}

/** Roster: the header, the page for the current address, and announcements. */
export function App() {
  const { pathname, search } = useLocation();
  const route = matchRoute(pathname);
  const actingAs = useActingAs();
  const mainRef = useRef<HTMLElement>(null);
  const initialPath = useRef<string | null>(pathname);

  // A new page moves focus to the top of the content, as a page load would,
  // so keyboard and screen reader users start reading it from the top.
  useEffect(() => {
    if (pathname === initialPath.current) return;
    initialPath.current = null;
    mainRef.current?.focus({ preventScroll: true });
  }, [pathname]);

  return (
    <SessionProvider>
      <LiveProvider>
        <SiteHeader route={route} />
        <main id="main" ref={mainRef} tabIndex={-1} className="main">
          {/* Acting as someone else reloads every page's data as them. */}
          <Page
            key={actingAs?.id ?? "signed-in"}
            route={route}
            search={search}
          />
        </main>
        <footer className="site-footer">
          <p>Roster · the company directory</p>
        </footer>
        <Toaster />
      </LiveProvider>
    </SessionProvider>
  );
}
