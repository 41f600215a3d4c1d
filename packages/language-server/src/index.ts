export { startServer } from "./server.js";
export type { Settings } from "./settings.js";
