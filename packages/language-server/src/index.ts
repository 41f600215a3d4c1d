export { startServer } from "./server.js";
export { Workspace } from "./workspace.js";
export { defaultSettings, mergeSettings } from "./settings.js";
export type { Settings } from "./settings.js";
