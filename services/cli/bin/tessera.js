#!/usr/bin/env node
// The installed `tessera` command: the compiled entry point (npm run build, or nx run cli:build).
import '../dist/cli/main.js';
