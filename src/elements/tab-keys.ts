/** What a key pressed on a tab asks for: focus another tab, or act on the focused one. */
export type TabKeyAction =
  | { readonly type: 'move'; readonly id: string | undefined }
  | { readonly type: 'activate' }
  | { readonly type: 'close' };

export interface TabKeyOptions {
  /** The strip is laid out right to left: Left and Right swap. */
  readonly rtl: boolean;
  /** Up and Down move too (as Left and Right do in a left-to-right strip). */
  readonly vertical?: boolean;
}

/**
 * Roving-tabindex keys of an ARIA tab list (manual activation): Left/Right (and, with `vertical`,
 * Up/Down) move to the neighbouring tab, wrapping around; Home/End to the first/last; Enter or
 * Space activates the focused tab; Delete closes it. Returns undefined for any other key or when a
 * modifier (Alt, Ctrl, Meta) is held; the caller prevents the default of the keys it acts on.
 */
export function tabKeyAction(
  event: KeyboardEvent,
  ids: readonly string[],
  focusedId: string,
  { rtl, vertical = false }: TabKeyOptions,
): TabKeyAction | undefined {
  if (event.altKey || event.ctrlKey || event.metaKey) return undefined;
  const index = ids.indexOf(focusedId);
  const step = (by: number): TabKeyAction => ({ type: 'move', id: ids[(index + by + ids.length) % ids.length] });
  switch (event.key) {
    case 'ArrowRight':
      return step(rtl ? -1 : 1);
    case 'ArrowLeft':
      return step(rtl ? 1 : -1);
    case 'ArrowDown':
      return vertical ? step(1) : undefined;
    case 'ArrowUp':
      return vertical ? step(-1) : undefined;
    case 'Home':
      return { type: 'move', id: ids[0] };
    case 'End':
      return { type: 'move', id: ids[ids.length - 1] };
    case 'Enter':
    case ' ':
      return { type: 'activate' };
    case 'Delete':
      return { type: 'close' };
    default:
      return undefined;
  }
}
