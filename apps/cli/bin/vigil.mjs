#!/usr/bin/env node
// Entry of the `vigil` command: TypeScript sources run through tsx, no build step.
import { register } from 'tsx/esm/api';

register();
await import('../src/main.ts');
