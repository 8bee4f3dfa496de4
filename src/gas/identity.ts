/** Who is running: blank where Apps Script hides it (simple triggers, anonymous web visitors). */
export function activeUserEmail(): string {
  return Session.getActiveUser().getEmail() ?? '';
}

export function effectiveUserEmail(): string {
  return Session.getEffectiveUser().getEmail() ?? '';
}
