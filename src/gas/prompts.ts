/** Asking the person who clicked a menu item: a line of text, or yes or no (reference/base/ui#prompt, #alert). */

/** The text typed and confirmed with OK; undefined when the person cancelled or closed the dialog. */
export function askText(title: string, prompt: string): string | undefined {
  const ui = SpreadsheetApp.getUi();
  const response = ui.prompt(title, prompt, ui.ButtonSet.OK_CANCEL);
  return response.getSelectedButton() === ui.Button.OK ? response.getResponseText() : undefined;
}

export function askYesNo(title: string, question: string): boolean {
  const ui = SpreadsheetApp.getUi();
  return ui.alert(title, question, ui.ButtonSet.YES_NO) === ui.Button.YES;
}
