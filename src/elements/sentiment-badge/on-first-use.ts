// What slots.ts loads the first time a panel or a session tab shows a sentiment. A module of its own,
// imported only dynamically: the package's define entries import the element code statically, and a
// module imported both ways would not stay a lazy chunk of its own in the package build.
import type { PageDeps } from '../lazy-element.js';
import { sentimentAlertElement, sentimentBadgeElement } from './sentiment-elements.js';

/** Registers both elements once, built from `deps`. */
export function defineSentiment(deps: PageDeps): void {
  // Through a reference: the manifest documents the elements once, as define.ts registers them.
  const registry = customElements;
  if (!registry.get('cc-sentiment-badge')) registry.define('cc-sentiment-badge', sentimentBadgeElement(deps));
  if (!registry.get('cc-sentiment-alert')) registry.define('cc-sentiment-alert', sentimentAlertElement(deps));
}
