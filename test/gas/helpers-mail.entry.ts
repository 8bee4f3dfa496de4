// Test entry for helpers by e-mail (cl. 7): the same functions as the escalation entry.
export * from './escalation.entry';
