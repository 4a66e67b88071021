import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { z } from "zod";
import { App } from "./app.tsx";
import "./styles.css";

// The server's Content-Security-Policy forbids eval: zod must not probe for it (the
// browser would log a violation) nor compile parsers with it.
z.config({ jitless: true });

const root = document.getElementById("root");
if (!root) throw new Error("#root missing from index.html");
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
