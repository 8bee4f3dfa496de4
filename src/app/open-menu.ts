/**
 * The Russian menu, built by the simple `onOpen` trigger. It runs with limited authorisation and often
 * without the person's identity, so it only builds the menu; every item checks its caller itself.
 */
import { messages } from '../locale/index';
import { readLocale } from '../gas/properties';
import { privacyTexts } from '../locale/privacy';

export function buildMenu(): void {
  const msgs = messages(readLocale());
  SpreadsheetApp.getUi()
    .createMenu(msgs.menu.title)
    .addItem(msgs.register.menu, 'showRegistrationDialog')
    .addSeparator()
    .addItem(msgs.menu.health, 'showHealth')
    .addItem(privacyTexts(readLocale()).dialog.menu, 'erasePersonData')
    .addSeparator()
    .addItem(msgs.menu.setup, 'setup')
    .addToUi();
}
