import { expect } from '@open-wc/testing';
import { HeightIndex } from '../../src/elements/transcript/height-index.js';

/** Reference implementation: plain sums. */
const offsets = (sizes: number[]) => sizes.reduce<number[]>((acc, s) => [...acc, acc[acc.length - 1]! + s], [0]);

describe('HeightIndex', () => {
  it('matches plain prefix sums after resets, appends and updates', () => {
    const index = new HeightIndex(50);
    const sizes = Array.from({ length: 37 }, (_, i) => 20 + ((i * 17) % 60));
    index.reset(sizes);
    index.append(30);
    sizes.push(...Array<number>(30).fill(50));
    for (const [i, h] of [[0, 11], [36, 99], [50, 3], [66, 140]] as const) {
      index.set(i, h);
      sizes[i] = h;
    }
    const expected = offsets(sizes);
    for (let i = 0; i <= sizes.length; i++) expect(index.offsetOf(i)).to.equal(expected[i]);
    expect(index.total()).to.equal(expected[sizes.length]);
    expect(index.length).to.equal(67);
  });

  it('finds the row that contains an offset, clamped to the list', () => {
    const index = new HeightIndex(10);
    index.reset([10, 20, 30]);
    expect(index.indexAt(0)).to.equal(0);
    expect(index.indexAt(9.9)).to.equal(0);
    expect(index.indexAt(10)).to.equal(1);
    expect(index.indexAt(29)).to.equal(1);
    expect(index.indexAt(30)).to.equal(2);
    expect(index.indexAt(10_000)).to.equal(2);
    expect(new HeightIndex(10).indexAt(5)).to.equal(0);
  });

  it('grows past its capacity without losing sizes', () => {
    const index = new HeightIndex(1);
    index.reset([5]);
    for (let i = 0; i < 100; i++) index.append(1, 2);
    expect(index.total()).to.equal(5 + 200);
    expect(index.indexAt(5)).to.equal(1);
    expect(index.indexAt(204)).to.equal(100);
  });
});
