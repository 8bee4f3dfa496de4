/**
 * npm run deploy: pushes the built bundle (dist/) to the school's Apps Script project with clasp 3.
 * Stops with a plain message (Russian, then English) when a step is missing, saying what to run.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(__dirname, '..');

function stop(ru: string, en: string): never {
  console.error(`\n${ru}\n\n${en}\n`);
  process.exit(1);
}

// clasp keeps its login in ~/.clasprc.json (or a local .clasprc.json beside .clasp.json): docs/config-files.md
const loggedIn =
  fs.existsSync(path.join(os.homedir(), '.clasprc.json')) || fs.existsSync(path.join(root, '.clasprc.json'));
if (!loggedIn) {
  stop(
    'Нет входа в clasp. Выполните: npx clasp login — войдите учётной записью школы, которой принадлежит таблица, и повторите npm run deploy.',
    'Not logged in to clasp. Run: npx clasp login — sign in with the school account that owns the spreadsheet, then run npm run deploy again.',
  );
}

const claspFile = path.join(root, '.clasp.json');
const clasp = JSON.parse(fs.readFileSync(claspFile, 'utf8')) as { scriptId?: string; rootDir?: string };
if (!clasp.scriptId) {
  stop(
    'В .clasp.json не указан scriptId. Откройте таблицу → Расширения → Apps Script → Настройки проекта → «Идентификатор скрипта» и впишите его в .clasp.json (или создайте новую таблицу: npx clasp create-script --type sheets --title "Помощь по ЭЖ" --rootDir dist).',
    'No scriptId in .clasp.json. Open the spreadsheet → Extensions → Apps Script → Project settings → Script ID and put it into .clasp.json (or create a new spreadsheet: npx clasp create-script --type sheets --title "E-journal help" --rootDir dist).',
  );
}
if (clasp.rootDir !== 'dist')
  stop('В .clasp.json rootDir должен быть "dist".', '.clasp.json must have "rootDir": "dist".');
if (!fs.existsSync(path.join(root, 'dist', 'Code.js')))
  stop('Сначала соберите: npm run build.', 'Build first: npm run build.');

// push replaces the whole remote project; -f also overwrites the manifest (scopes, web app settings).
const result = spawnSync('npx', ['clasp', 'push', '-f'], { cwd: root, stdio: 'inherit' });
if (result.status !== 0) {
  stop(
    'clasp push завершился с ошибкой (см. выше). Проверьте, что Apps Script API включён: https://script.google.com/home/usersettings',
    'clasp push failed (see above). Check that the Apps Script API is on: https://script.google.com/home/usersettings',
  );
}
console.log(
  '\nГотово. Откройте таблицу, обновите страницу и выберите «Помощь по ЭЖ → Настроить или обновить таблицу».',
);
console.log('Done. Reload the spreadsheet and choose "Помощь по ЭЖ → Настроить или обновить таблицу".');
