export { startVigil, type StartOptions, type RunningVigil } from './start';
export { buildApp, WEB_DIST } from './app';
export { createContext, type VigilContext } from './context';
export { loadConfig } from './config';
export { bootstrap } from './bootstrap';
