#!/usr/bin/env node
// The `wirewatch` command: runs the built CLI (out/main/cli.js, made by `npm run build`,
// which `npm install` runs through the "prepare" script).
const path = require('node:path');
const fs = require('node:fs');
const cli = path.join(__dirname, '..', 'out', 'main', 'cli.js');
if (!fs.existsSync(cli)) {
  console.error('wirewatch: not built yet; run `npm run build` in ' + path.join(__dirname, '..'));
  process.exit(1);
}
require(cli)
  .runCli(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  });
