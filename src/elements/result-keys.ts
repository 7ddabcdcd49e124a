/**
 * Keys on a list of result buttons under a search field: Down/Up move between results (Up from the
 * first goes back to the field), Home/End jump to the first/last, Escape returns to the field. Focuses
 * the next place and prevents the key's default; any other key, or a target that is not one of the
 * buttons, is left alone.
 */
export function onResultListKey(event: KeyboardEvent, buttons: readonly HTMLButtonElement[], field: HTMLElement | null | undefined): void {
  const index = buttons.indexOf(event.target as HTMLButtonElement);
  if (index < 0) return;
  const next: Record<string, HTMLElement | null | undefined> = {
    ArrowDown: buttons[Math.min(index + 1, buttons.length - 1)],
    ArrowUp: index === 0 ? field : buttons[index - 1],
    Home: buttons[0],
    End: buttons[buttons.length - 1],
    Escape: field,
  };
  if (!(event.key in next)) return;
  event.preventDefault();
  next[event.key]?.focus();
}
