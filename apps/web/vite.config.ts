import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

const apiUrl = process.env.ROSTER_API_URL ?? "http://127.0.0.1:8787";
// The API sees the browser's own host, so sign-in sends people back to the
// address they are using (127.0.0.1 or localhost, any port).
const proxy = { "/api": { target: apiUrl, changeOrigin: false } };

export default defineConfig({
  plugins: [react()],
  server: {
    port: Number(process.env.ROSTER_WEB_PORT ?? 5173),
    strictPort: false,
    host: "127.0.0.1",
    proxy,
  },
  preview: { host: "127.0.0.1", proxy },
  build: { outDir: "dist", emptyOutDir: true },
});
