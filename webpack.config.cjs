// Bundles src/main.ts into dist/Code.js: esbuild transforms TypeScript, gas-webpack-plugin turns the
// entry module's exports into the top-level function declarations Apps Script needs.
const path = require('node:path');
const GasPlugin = require('gas-webpack-plugin');

module.exports = {
  mode: 'production',
  context: __dirname,
  entry: './src/main.ts',
  target: ['web', 'es2020'],
  devtool: false,
  output: {
    path: path.resolve(__dirname, 'dist'),
    filename: 'Code.js',
    clean: false,
  },
  resolve: { extensions: ['.ts', '.js'] },
  module: {
    rules: [{ test: /\.ts$/, loader: 'esbuild-loader', options: { target: 'es2020' } }],
  },
  optimization: {
    // Readable stack traces in the Apps Script editor; the bundle is small.
    minimize: false,
    usedExports: false,
    concatenateModules: true,
  },
  performance: { hints: false },
  plugins: [new GasPlugin({ autoGlobalExportsFiles: ['src/main.ts'] })],
};
