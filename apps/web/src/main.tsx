import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./app";
import "./styles/tokens.css";
import "./styles/base.css";
import "./styles/layout.css";
import "./styles/buttons.css";
import "./styles/forms.css";
import "./styles/components.css";
import "./styles/overlays.css";
import "./styles/filters.css";
import "./styles/directory.css";
import "./styles/profile.css";
import "./styles/editor.css";
import "./styles/import.css";
import "./styles/live.css";
import "./styles/motion.css";

const root = document.getElementById("root");
if (!root) throw new Error("The page has no #root element.");

createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
