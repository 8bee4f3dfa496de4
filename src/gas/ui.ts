/** Telling the person who clicked; outside a UI context (script editor, triggers) the message goes to the log. */
export function tellUser(title: string, message: string): void {
  try {
    const ui = SpreadsheetApp.getUi();
    ui.alert(title, message, ui.ButtonSet.OK);
  } catch {
    console.log(`${title}\n${message}`);
  }
}
