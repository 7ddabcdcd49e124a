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

describe('content sniffing: declared formats must match their content (F19)', () => {
  const file = (content: Uint8Array) => new Blob([content as Uint8Array<ArrayBuffer>]);
  const utf16le = (text: string) => {
    const out = new Uint8Array(2 + text.length * 2);
    out.set([0xff, 0xfe]);
    Array.from(text).forEach((c, i) => out.set([c.charCodeAt(0), 0], 2 + i * 2));
    return out;
  };
  const HTML = bytes('<!DOCTYPE html><html><body><script>alert(1)</script></body></html>');
  const SVG = bytes('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script></svg>');
  const XML_SVG = bytes('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
  const TEXT = bytes('Dzień dobry, this is only text.\n');
  const SIGNATURES: Record<string, Uint8Array> = {
    png: bytes([0x89], 'PNG', [0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d], 'IHDR'),
    jpg: bytes([0xff, 0xd8, 0xff, 0xe0, 0, 0x10], 'JFIF', [0]),
    gif: bytes('GIF89a', [1, 0, 1, 0]),
    pdf: bytes('%PDF-1.7\n%', [0xe2, 0xe3]),
    mp4: bytes([0, 0, 0, 0x20], 'ftypisom', [0, 0, 2, 0], 'isomiso2avc1mp41'),
    mp3: bytes('ID3', [4, 0, 0, 0, 0, 0, 0]),
    ogg: bytes('OggS', [0, 2, 0, 0, 0, 0, 0, 0, 0, 0]),
    amr: bytes('#!AMR\n', [0x3c]),
    zip: bytes('PK', [3, 4, 20, 0, 6, 0, 8, 0], '[Content_Types].xml'),
    cfb: bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]),
  };
  /** Each extension of the default allow list and the content it must start with. */
  const EXPECTED: Record<string, string> = {
    png: 'png', jpg: 'jpg', jpeg: 'jpg', gif: 'gif', pdf: 'pdf', mp4: 'mp4',
    mp3: 'mp3', ogg: 'ogg', oga: 'ogg', amr: 'amr', docx: 'zip', xlsx: 'zip', xls: 'cfb',
  };

  it('refuses HTML, SVG with script and plain text named .png, .jpg, .jpeg, .gif, .pdf or .mp4', async () => {
    for (const ext of ['png', 'jpg', 'jpeg', 'gif', 'pdf', 'mp4']) {
      expect(await sniffFile(file(HTML), ext), `HTML as .${ext}`).to.deep.equal({ ok: false, detected: 'html' });
      expect(await sniffFile(file(SVG), ext), `SVG as .${ext}`).to.deep.equal({ ok: false, detected: 'svg' });
      expect(await sniffFile(file(XML_SVG), ext), `XML SVG as .${ext}`).to.deep.equal({ ok: false, detected: 'svg' });
      expect(await sniffFile(file(TEXT), ext), `text as .${ext}`).to.deep.equal({ ok: false, detected: 'txt' });
    }
  });

  it('requires every binary format of the default allow list to start with its own signature', async () => {
    for (const [ext, format] of Object.entries(EXPECTED)) {
      expect(await sniffFile(file(SIGNATURES[format]!), ext), `real .${ext}`).to.deep.equal({ ok: true, detected: format });
      for (const [other, content] of Object.entries(SIGNATURES)) {
        if (other === format) continue;
        expect(await sniffFile(file(content), ext), `${other} as .${ext}`).to.deep.equal({ ok: false, detected: other });
      }
      // Bytes no signature names: refused as unnamed data.
      expect(await sniffFile(file(bytes([0x00, 0x13, 0x37, 0x42, 0x99, 0x00, 0x01])), ext), `noise as .${ext}`).to.deep.equal({ ok: false, detected: 'bin' });
      expect(await sniffFile(file(new Uint8Array(0)), ext), `empty .${ext}`).to.deep.equal({ ok: false, detected: 'bin' });
    }
  });

  it('checks the details of the signatures that are easy to fake: MP3 frame sync, the MP4 box, AMR, PDF at the start', async () => {
    // MPEG-1 Layer III, 128 kbit/s, 44.1 kHz: a real frame header.
    expect(await sniffFile(file(bytes([0xff, 0xfb, 0x90, 0x64])), 'mp3')).to.deep.equal({ ok: true, detected: 'mp3' });
    // Sync bits followed by reserved version, layer, bitrate or sample rate: not MPEG audio.
    for (const header of [[0xff, 0xe9, 0x90, 0x64], [0xff, 0xf9, 0x90, 0x64], [0xff, 0xfb, 0xf0, 0x64], [0xff, 0xfb, 0x9c, 0x64]]) {
      expect((await sniffFile(file(bytes(header)), 'mp3')).ok, header.join(',')).to.equal(false);
    }
    // "ftyp" needs a box around it: a size that holds at least the brand and version.
    expect((await sniffFile(file(bytes([0, 0, 0, 4], 'ftypmp42')), 'mp4')).ok).to.equal(false);
    expect((await sniffFile(file(bytes('<b>ftyp</b>')), 'mp4')).ok).to.equal(false);
    expect(await sniffFile(file(bytes('#!AMR-WB\n')), 'amr')).to.deep.equal({ ok: true, detected: 'amr' });
    expect(await sniffFile(file(bytes('#!AMRx/bin/sh')), 'amr')).to.deep.equal({ ok: false, detected: 'script' });
    // A PDF signature after other content is a polyglot, not a PDF.
    expect(await sniffFile(file(bytes('<html><!-- %PDF-1.4')), 'pdf')).to.deep.equal({ ok: false, detected: 'html' });
    expect(await sniffFile(file(bytes('GIF89a', [1, 0, 1, 0], '<script>')), 'gif')).to.deep.equal({ ok: true, detected: 'gif' });
  });

  it('accepts a .txt that is text in any common encoding', async () => {
    expect(await sniffFile(file(TEXT), 'txt')).to.deep.equal({ ok: true });
    // Windows-1250 Polish ("Zażółć gęślą jaźń"), which is not valid UTF-8, and a UTF-8 BOM.
    expect(await sniffFile(file(bytes('Za', [0xbf, 0xf3, 0xb3, 0xe6], ' g', [0xea, 0x9c, 0x6c, 0xb9], ' ja', [0x9f, 0xf1])), 'txt')).to.deep.equal({ ok: true });
    expect(await sniffFile(file(bytes([0xef, 0xbb, 0xbf], 'Hello')), 'txt')).to.deep.equal({ ok: true });
    expect(await sniffFile(file(utf16le('Hello, UTF-16')), 'txt')).to.deep.equal({ ok: true });
    expect(await sniffFile(file(bytes('a < b and c > d; 2 <3; see <https://example.com>\r\n\t')), 'txt')).to.deep.equal({ ok: true });
  });

  it('refuses a .txt that is HTML, SVG, active XML, a script or binary', async () => {
    const refused: [string, Uint8Array, string][] = [
      ['HTML', HTML, 'html'],
      ['SVG', SVG, 'svg'],
      ['SVG behind an XML declaration', XML_SVG, 'svg'],
      ['a fragment after a BOM and blank lines', bytes([0xef, 0xbb, 0xbf], '\r\n  \t<img src=x onerror=alert(1)>'), 'html'],
      ['a comment first', bytes('<!-- note -->hello'), 'markup'],
      ['a harmless tag first', bytes('<p>Hello</p>'), 'markup'],
      ['a script tag later in the text', bytes('Hello,\nplease run <SCRIPT src=//example.com/x.js></script>'), 'html'],
      ['an event handler later in the text', bytes('Hello,\nsee <img src=x onerror=alert(1)>'), 'html'],
      ['XHTML inside XML', bytes('<?xml version="1.0"?><x:script xmlns:x="http://www.w3.org/1999/xhtml">alert(1)</x:script>'), 'html'],
      ['HTML in UTF-16', utf16le('<html><script>alert(1)</script>'), 'html'],
      ['HTML in UTF-7', bytes('+ADw-script+AD4-alert(1)+ADw-/script+AD4-'), 'html'],
      ['a shell script', bytes('#!/bin/sh\nrm -rf ~\n'), 'script'],
      ['a PDF', SIGNATURES.pdf!, 'pdf'],
      ['binary noise', bytes('data', [0, 0, 1, 2, 3, 0]), 'bin'],
    ];
    for (const [what, content, detected] of refused) {
      const verdict = await sniffFile(file(content), 'txt');
      expect(verdict, what).to.deep.equal({ ok: false, detected });
    }
  });

  it('names markup in detectFormat, and still lets a format without a signature through unless it is active', async () => {
    expect(detectFormat(HTML)).to.equal('html');
    expect(detectFormat(SVG)).to.equal('svg');
    expect(detectFormat(bytes('<?xml version="1.0"?><invoice/>'))).to.equal('xml');
    expect(await sniffFile(file(bytes('name;total\nJan;12\n')), 'custom')).to.deep.equal({ ok: true });
    expect(await sniffFile(file(bytes('<?xml version="1.0"?><invoice/>')), 'custom')).to.deep.equal({ ok: true, detected: 'xml' });
    expect(await sniffFile(file(bytes('<Invoice><Total>12</Total></Invoice>')), 'xml')).to.deep.equal({ ok: true, detected: 'markup' });
    expect(await sniffFile(file(bytes('<div align="center">Read me</div>')), 'custom')).to.deep.equal({ ok: true, detected: 'markup' });
    expect(await sniffFile(file(HTML), 'xml')).to.deep.equal({ ok: false, detected: 'html' });
    expect(await sniffFile(file(HTML), 'custom')).to.deep.equal({ ok: false, detected: 'html' });
    expect(await sniffFile(file(SVG), 'custom')).to.deep.equal({ ok: false, detected: 'svg' });
  });
});
