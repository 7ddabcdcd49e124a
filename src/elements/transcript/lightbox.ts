import minus from 'lucide/dist/esm/icons/minus.mjs';
import plus from 'lucide/dist/esm/icons/plus.mjs';
import { iconElement } from '../../icons/dom.js';

/** Zoom steps: each press multiplies or divides the size by this much. */
const STEP = 1.25;
const MIN_STEPS = -4;
const MAX_STEPS = 8;
/** Share of the viewport the image may fill when fitted (the rest is the toolbar and the caption). */
const VIEWPORT_SHARE = 0.9;
/** Room the toolbar and the caption take inside the dialog, px. */
const CHROME = 96;

let sheet: CSSStyleSheet | undefined;

/**
 * The viewer's own rules, loaded with it: pages that never open an image do not carry them. A plain
 * constructed sheet rather than Lit's `css`, so this chunk needs nothing from Lit and a host's bundler
 * has no reason to split Lit out of the first load.
 */
const styles = /* css */ `
  dialog {
    padding: var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: inherit;
    max-width: 95vw;
    max-height: 95vh;
    overflow: hidden;
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 0.7);
  }
  dialog .toolbar {
    display: flex;
    align-items: center;
    justify-content: flex-end;
    gap: calc(var(--_space) * 0.5);
    margin-bottom: calc(var(--_space) * 0.5);
  }
  dialog .level {
    min-width: 4.5em;
    text-align: center;
    font-variant-numeric: tabular-nums;
    color: var(--_muted);
  }
  dialog .zoom-in,
  dialog .zoom-out {
    min-width: 32px;
    display: inline-grid;
    place-items: center;
  }
  /* Zoomed past the screen, the image scrolls here. */
  dialog .stage {
    max-width: 90vw;
    max-height: calc(90vh - 96px);
    overflow: auto;
    overscroll-behavior: contain;
  }
  dialog img {
    display: block;
    margin: auto;
  }
  dialog p {
    margin: 4px 0 0;
    overflow-wrap: anywhere;
  }
`;

export interface LightboxOptions {
  src: string;
  name: string;
  /** The thumbnail's button: focus goes back to it when the viewer closes. */
  opener: HTMLElement;
  /** The smallest size the image is shown at (the thumbnail's box): the viewer never shows less. */
  minSize: { width: number; height: number };
  labels: { close: string; zoomIn: string; zoomOut: string; zoomFit: string; zoomLevel(percent: number): string };
}

/**
 * The size an image opens at: fitted into 90 % of the viewport when larger, its natural size when
 * smaller, but never smaller than the thumbnail it was opened from. Pure, for tests.
 */
export function fittedScale(
  natural: { width: number; height: number },
  area: { width: number; height: number },
  min: { width: number; height: number },
): number {
  if (natural.width <= 0 || natural.height <= 0) return 1;
  const fit = Math.min(area.width / natural.width, area.height / natural.height);
  const cover = Math.max(min.width / natural.width, min.height / natural.height);
  return Math.min(fit, Math.max(1, cover));
}

/** A button showing `content`: its label as text, or an icon with the label as its accessible name. */
function button(label: string, content: string | Element, onClick: () => void, className: string): HTMLButtonElement {
  const element = document.createElement('button');
  element.type = 'button';
  element.className = className;
  element.append(content);
  if (label !== content) element.setAttribute('aria-label', label);
  element.addEventListener('click', onClick);
  return element;
}

/**
 * Loaded on first use: a modal image viewer on the native <dialog> (focus trap and Escape for
 * free). It opens the image at a useful size (see `fittedScale`) and zooms with its buttons or the
 * keys + and − (0 fits it again); the image scrolls inside the viewer when zoomed past the screen.
 */
export function openLightbox(root: ShadowRoot, options: LightboxOptions): HTMLDialogElement {
  const { labels } = options;
  const dialog = document.createElement('dialog');
  dialog.className = 'lightbox';
  dialog.setAttribute('aria-label', options.name);

  const image = document.createElement('img');
  image.referrerPolicy = 'no-referrer';
  image.alt = options.name;
  const stage = document.createElement('div');
  stage.className = 'stage';
  stage.append(image);

  const level = document.createElement('output');
  level.className = 'level';
  level.setAttribute('aria-live', 'polite');

  let base = 1;
  let steps = 0;
  const apply = (): void => {
    const width = image.naturalWidth;
    const height = image.naturalHeight;
    if (!width || !height) {
      // Not decoded yet: hold the thumbnail's size, never less.
      image.style.width = `${options.minSize.width}px`;
      return;
    }
    const scale = base * STEP ** steps;
    image.style.width = `${Math.round(width * scale)}px`;
    image.style.height = `${Math.round(height * scale)}px`;
    level.textContent = labels.zoomLevel(Math.round(scale * 100));
    zoomOut.disabled = steps <= MIN_STEPS;
    zoomIn.disabled = steps >= MAX_STEPS;
  };
  const fit = (): void => {
    base = fittedScale(
      { width: image.naturalWidth, height: image.naturalHeight },
      { width: innerWidth * VIEWPORT_SHARE, height: Math.max(0, innerHeight * VIEWPORT_SHARE - CHROME) },
      options.minSize,
    );
    steps = 0;
    apply();
  };
  const zoom = (by: number): void => {
    steps = Math.min(MAX_STEPS, Math.max(MIN_STEPS, steps + by));
    apply();
  };

  const zoomOut = button(labels.zoomOut, iconElement(minus), () => zoom(-1), 'zoom-out');
  const zoomIn = button(labels.zoomIn, iconElement(plus), () => zoom(1), 'zoom-in');
  const fitButton = button(labels.zoomFit, labels.zoomFit, fit, 'zoom-fit');
  const close = button(labels.close, labels.close, () => dialog.close(), 'close');
  const toolbar = document.createElement('div');
  toolbar.className = 'toolbar';
  toolbar.append(zoomOut, level, zoomIn, fitButton, close);

  const caption = document.createElement('p');
  caption.textContent = options.name;
  dialog.append(toolbar, stage, caption);

  dialog.addEventListener('keydown', (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const action = { '+': () => zoom(1), '=': () => zoom(1), '-': () => zoom(-1), '_': () => zoom(-1), '0': fit }[event.key];
    if (!action) return;
    event.preventDefault();
    action();
  });
  dialog.addEventListener('click', (event) => {
    if (event.target === dialog) dialog.close();
  });
  dialog.addEventListener('close', () => {
    dialog.remove();
    options.opener.focus();
  });
  image.addEventListener('load', fit);
  image.src = options.src;
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(styles);
  }
  if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  root.append(dialog);
  dialog.showModal();
  if (image.complete) fit();
  else apply();
  close.focus();
  return dialog;
}
