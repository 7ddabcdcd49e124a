/** Loaded on first use: a modal image viewer on the native <dialog> (focus trap and Escape for free). */
export function openLightbox(
  root: ShadowRoot,
  options: { src: string; name: string; closeLabel: string; opener: HTMLElement },
): HTMLDialogElement {
  const dialog = document.createElement('dialog');
  dialog.setAttribute('aria-label', options.name);
  const close = document.createElement('button');
  close.className = 'close';
  close.type = 'button';
  close.textContent = options.closeLabel;
  close.addEventListener('click', () => dialog.close());
  const image = document.createElement('img');
  image.referrerPolicy = 'no-referrer';
  image.src = options.src;
  image.alt = options.name;
  const caption = document.createElement('p');
  caption.textContent = options.name;
  dialog.append(close, image, caption);
  dialog.addEventListener('click', (event) => {
    if (event.target === dialog) dialog.close();
  });
  dialog.addEventListener('close', () => {
    dialog.remove();
    options.opener.focus();
  });
  root.append(dialog);
  dialog.showModal();
  close.focus();
  return dialog;
}
