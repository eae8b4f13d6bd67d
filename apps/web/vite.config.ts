import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

const apiUrl = process.env.ROSTER_API_URL ?? "http://127.0.0.1:8787";
const proxy = { "/api": { target: apiUrl, changeOrigin: true } };

export default defineConfig({
  plugins: [react()],
  server: { port: 5173, strictPort: false, host: "127.0.0.1", proxy },
  preview: { host: "127.0.0.1", proxy },
  build: { outDir: "dist", emptyOutDir: true },
});
