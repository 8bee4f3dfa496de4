export function hello(): string {
  return `hi ${new Date().getHours()}`;
}
