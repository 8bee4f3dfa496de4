// npm run build: the bundle (webpack API, no CLI), the manifest and the HtmlService files into dist/.
const fs = require('node:fs');
const path = require('node:path');
const webpack = require('webpack');
const config = require('../webpack.config.cjs');

const root = path.resolve(__dirname, '..');
const dist = path.join(root, 'dist');

fs.rmSync(dist, { recursive: true, force: true });
fs.mkdirSync(dist, { recursive: true });

webpack(config, (err, stats) => {
  if (err) {
    console.error(err);
    process.exit(1);
  }
  if (stats.hasErrors()) {
    console.error(stats.toString({ all: false, errors: true, errorDetails: true }));
    process.exit(1);
  }
  fs.copyFileSync(path.join(root, 'appsscript.json'), path.join(dist, 'appsscript.json'));
  const htmlDir = path.join(root, 'src', 'html');
  if (fs.existsSync(htmlDir)) {
    for (const f of fs.readdirSync(htmlDir)) {
      if (f.endsWith('.html')) fs.copyFileSync(path.join(htmlDir, f), path.join(dist, f));
    }
  }
  const size = fs.statSync(path.join(dist, 'Code.js')).size;
  console.log(`built dist/Code.js (${(size / 1024).toFixed(1)} KiB) in ${stats.endTime - stats.startTime} ms`);
});
