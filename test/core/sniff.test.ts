import { expect } from '@open-wc/testing';
import { detectFormat, sniffFile } from '../../src/core/sniff.js';

const bytes = (...parts: (string | number[])[]) =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? Array.from(p, (c) => c.charCodeAt(0)) : p)));

describe('content sniffing', () => {
  it('names the formats the policy allows, and executables', () => {
    expect(detectFormat(bytes([0xff, 0xd8, 0xff, 0xe0]))).to.equal('jpg');
    expect(detectFormat(bytes([0x89], 'PNG', [0x0d, 0x0a, 0x1a, 0x0a]))).to.equal('png');
    expect(detectFormat(bytes('%PDF-1.7'))).to.equal('pdf');
    expect(detectFormat(bytes('#!AMR\n'))).to.equal('amr');
    expect(detectFormat(bytes('#!/bin/sh'))).to.equal('script');
    expect(detectFormat(bytes('MZ', [0x90, 0]))).to.equal('exe');
    expect(detectFormat(bytes([0x7f], 'ELF'))).to.equal('elf');
    expect(detectFormat(bytes([0, 0, 0, 0x18], 'ftypmp42'))).to.equal('mp4');
    expect(detectFormat(bytes('Hello, plain text'))).to.equal(undefined);
  });

  it('accepts content that matches or cannot be told, refuses content that is something else', async () => {
    const file = (content: Uint8Array) => new Blob([content as Uint8Array<ArrayBuffer>]);
    expect(await sniffFile(file(bytes('%PDF-1.4')), 'pdf')).to.deep.equal({ ok: true, detected: 'pdf' });
    expect(await sniffFile(file(bytes('just words')), 'txt')).to.deep.equal({ ok: true });
    expect(await sniffFile(file(bytes('PK', [3, 4])), 'docx')).to.deep.equal({ ok: true, detected: 'zip' });
    expect(await sniffFile(file(bytes('PK', [3, 4])), 'pdf')).to.deep.equal({ ok: false, detected: 'zip' });
    expect(await sniffFile(file(bytes('MZ')), 'jpg')).to.deep.equal({ ok: false, detected: 'exe' });
    expect(await sniffFile(file(bytes('MZ')), 'custom')).to.deep.equal({ ok: false, detected: 'exe' });
    expect(await sniffFile(file(bytes('%PDF-1.4')), 'custom')).to.deep.equal({ ok: true, detected: 'pdf' });
  });
});
