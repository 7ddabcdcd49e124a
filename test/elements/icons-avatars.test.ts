import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { LitElement, type TemplateResult } from 'lit';
import { avatar, avatarStyles, avatarTone, initials } from '../../src/elements/avatar.js';
import * as icons from '../../src/icons/index.js';
import { ICON_TAGS, icon, type IconNode } from '../../src/icons/index.js';
import { iconElement } from '../../src/icons/dom.js';

/** Renders one avatar in a shadow root with its styles, as an element does. */
class AvatarHost extends LitElement {
  static override styles = [avatarStyles];
  static override properties = { name: {}, url: {} };
  declare name: string | undefined;
  declare url: string | undefined;
  override render(): TemplateResult {
    return html`${avatar(this.name, this.url)}<span>${this.name}</span>`;
  }
}
customElements.define('test-avatar-host', AvatarHost);

const mount = (name: string | undefined, url?: string): Promise<AvatarHost> =>
  fixture<AvatarHost>(html`<test-avatar-host .name=${name} .url=${url}></test-avatar-host>`);
const partOf = (el: AvatarHost): HTMLElement => el.shadowRoot!.querySelector<HTMLElement>('[part="avatar"]')!;
const letters = (el: AvatarHost): string => partOf(el).querySelector('span')?.textContent ?? '';

function luminance(rgb: string): number {
  const [r, g, b] = rgb.match(/\d+(\.\d+)?/g)!.slice(0, 3).map((v) => Number(v) / 255);
  const lin = (v: number): number => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
  return 0.2126 * lin(r!) + 0.7152 * lin(g!) + 0.0722 * lin(b!);
}
const contrast = (a: string, b: string): number => {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x! + 0.05) / (y! + 0.05);
};

describe('initials', () => {
  it('takes the first letter of the first and the last word, upper-cased, in any script', () => {
    expect(initials('Anna Nowak')).to.equal('AN');
    expect(initials('Łukasz Żak')).to.equal('ŁŻ');
    expect(initials('anna maria nowak-kowalska')).to.equal('AN');
    expect(initials('  Madonna  ')).to.equal('M');
    expect(initials('محمد علي')).to.equal('مع');
    expect(initials('דוד לוי')).to.equal('דל');
    // A letter written with a combining mark keeps it.
    expect(initials('Z\u030Cofia Nowak')).to.equal('Z\u030CN');
    // Words without letters (emoji, digits, punctuation) are skipped.
    expect(initials('🌸 Ewa 🌸')).to.equal('E');
    expect(initials('"Kasia" (shop)')).to.equal('KS');
  });

  it('has none for an emoji-only, empty or missing name', () => {
    expect(initials('😀 🎉')).to.equal('');
    expect(initials('')).to.equal('');
    expect(initials(undefined)).to.equal('');
  });

  it('gives the same name the same colour and spreads names over the palette', () => {
    expect(avatarTone('Anna Nowak')).to.equal(avatarTone('Anna Nowak'));
    const tones = new Set(['Anna Nowak', 'Jan Kowalski', 'Łukasz Żak', 'Ewa', 'Piotr Zieliński', 'Maria Wiśniewska', 'Tomasz Wójcik'].map(avatarTone));
    expect(tones.size).to.be.at.least(3);
  });
});

describe('avatar()', () => {
  it('shows initials in white on a colour with enough contrast, for every colour of the palette', async () => {
    const el = await mount('Anna Nowak');
    expect(letters(el)).to.equal('AN');
    expect(partOf(el).getAttribute('aria-hidden')).to.equal('true');
    expect(el.shadowRoot!.querySelector('img')).to.equal(null);
    for (let tone = 0; tone < 8; tone++) {
      partOf(el).dataset['tone'] = String(tone);
      const style = getComputedStyle(partOf(el));
      expect(style.backgroundColor, `tone ${tone}`).not.to.equal('rgba(0, 0, 0, 0)');
      expect(contrast(style.color, style.backgroundColor), `tone ${tone}`).to.be.at.least(4.5);
    }
    await expect(el).to.be.accessible();
  });

  it('shows a person icon when the name has no letters', async () => {
    for (const name of ['🙂🙂', '', undefined]) {
      const el = await mount(name);
      expect(letters(el)).to.equal('');
      const svg = partOf(el).querySelector('svg')!;
      expect(svg, String(name)).to.exist;
      expect(svg.getBoundingClientRect().width).to.be.above(0);
    }
  });

  it('shows an http(s) picture over the initials, without a referrer', async () => {
    const url = `${location.origin}/test/fixtures/avatar.svg`;
    const el = await mount('Anna Nowak', url);
    const image = el.shadowRoot!.querySelector('img')!;
    await waitUntil(() => image.complete && image.naturalWidth > 0, 'the picture never loaded');
    expect(image.getAttribute('src')).to.equal(url);
    expect(image.getAttribute('referrerpolicy')).to.equal('no-referrer');
    expect(image.alt).to.equal('');
    expect(image.hidden).to.equal(false);
    const box = partOf(el).getBoundingClientRect();
    const picture = image.getBoundingClientRect();
    expect([picture.width, picture.height]).to.deep.equal([box.width, box.height]);
    await expect(el).to.be.accessible();
  });

  it('falls back to the initials when the picture fails to load, and shows a new picture that loads', async () => {
    const el = await mount('Łukasz Żak', `${location.origin}/test/fixtures/no-such-avatar.png`);
    const image = (): HTMLImageElement => el.shadowRoot!.querySelector('img')!;
    await waitUntil(() => image().hidden, 'the broken picture stayed');
    expect(image().getBoundingClientRect().width).to.equal(0);
    expect(letters(el)).to.equal('ŁŻ');
    el.url = `${location.origin}/test/fixtures/avatar.svg`;
    await waitUntil(() => !image().hidden && image().naturalWidth > 0, 'the new picture did not show');
  });

  it('never loads a picture from a relative or non-http(s) URL', async () => {
    for (const url of ['/api/logout', '//evil.example/a.png', 'javascript:alert(1)', 'data:image/png;base64,AAAA']) {
      const el = await mount('Anna Nowak', url);
      expect(el.shadowRoot!.querySelector('img'), url).to.equal(null);
      expect(letters(el)).to.equal('AN');
    }
  });
});

describe('icons', () => {
  const all = Object.entries(icons as Record<string, unknown>).filter(
    (entry): entry is [string, IconNode] => Array.isArray(entry[1]) && entry[0] !== 'ICON_TAGS',
  );

  it('are drawn from shapes icon() knows how to render', () => {
    expect(all.length).to.be.at.least(8);
    for (const [name, node] of all) {
      for (const [tag] of node) expect(ICON_TAGS, `${name} uses <${tag}>`).to.include(tag);
    }
  });

  it('render as decorative 1em SVG in the current colour, from Lit and from plain DOM alike', async () => {
    for (const [name, node] of all) {
      const host = await fixture<HTMLElement>(html`<span style="font-size: 20px; color: rgb(200, 0, 0)">${icon(node)}</span>`);
      const svg = host.querySelector('svg')!;
      const made = iconElement(node);
      host.append(made);
      for (const drawn of [svg, made]) {
        expect(drawn.getAttribute('aria-hidden'), name).to.equal('true');
        expect(drawn.getAttribute('stroke'), name).to.equal('currentColor');
        const box = drawn.getBoundingClientRect();
        expect([box.width, box.height], name).to.deep.equal([20, 20]);
        expect(getComputedStyle(drawn).color).to.equal('rgb(200, 0, 0)');
        expect(drawn.children.length, name).to.equal(node.length);
      }
      expect(svg.innerHTML.replace(/<!--[^>]*-->/g, ''), name).to.equal(made.innerHTML);
    }
  });
});
