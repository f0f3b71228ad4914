#!/usr/bin/env node
// The `baoku` command: the TypeScript CLI in src/cli, run through tsx.
import { register } from 'tsx/esm/api';
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';

register();
const here = path.dirname(fileURLToPath(import.meta.url));
const { main } = await import(pathToFileURL(path.join(here, '..', 'src', 'cli', 'main.ts')).href);
process.exitCode = await main(process.argv.slice(2));
