import { expect } from '@open-wc/testing';
import {
  checkFile,
  createAttachmentPolicy,
  decodeFileName,
  DEFAULT_ALLOWED_EXTENSIONS,
  MESSENGER_MAX_BYTES,
  safeDownloadName,
  type FileVerdict,
} from '../../src/core/attachment-policy.js';

const MB = 1024 * 1024;
const policy = createAttachmentPolicy();
const check = (name: string, size = 1000, p = policy): FileVerdict => checkFile(p, { name, size });
const reasonOf = (name: string, size = 1000, p = policy): string => {
  const verdict = check(name, size, p);
  return verdict.ok ? 'ok' : verdict.reason;
};

describe('attachment policy', () => {
  describe('createAttachmentPolicy', () => {
    it("defaults to Facebook's allow list", () => {
      expect(policy.allow).to.have.members([...DEFAULT_ALLOWED_EXTENSIONS]);
      expect(policy.allow).to.have.lengthOf(14);
      for (const ext of ['jpg', 'jpeg', 'png', 'gif', 'mp3', 'oga', 'ogg', 'amr', 'mp4', 'pdf', 'docx', 'txt', 'xlsx', 'xls']) {
        expect(reasonOf(`file.${ext}`), ext).to.equal('ok');
      }
    });

    it('caps size at 5 MB by default and never above 25 MB', () => {
      expect(policy.maxBytes).to.equal(5 * MB);
      expect(createAttachmentPolicy({ maxBytes: 10 * MB }).maxBytes).to.equal(10 * MB);
      expect(createAttachmentPolicy({ maxBytes: 100 * MB }).maxBytes).to.equal(25 * MB);
      expect(MESSENGER_MAX_BYTES).to.equal(25 * MB);
    });

    it('refuses a size limit that is not a positive number', () => {
      for (const maxBytes of [0, -1, Number.NaN, Number.POSITIVE_INFINITY]) {
        expect(() => createAttachmentPolicy({ maxBytes }), String(maxBytes)).to.throw(RangeError);
      }
    });

    it('normalises configured extensions (case, leading dot, blanks)', () => {
      const custom = createAttachmentPolicy({ allow: ['.PNG', ' Pdf ', ''], block: ['.GIF'] });
      expect(custom.allow).to.deep.equal(['png', 'pdf']);
      expect(custom.block).to.deep.equal(['gif']);
    });
  });

  describe('checkFile: size', () => {
    it('accepts a file at the limit and refuses one byte more, reporting the limit', () => {
      expect(reasonOf('a.pdf', 5 * MB)).to.equal('ok');
      const verdict = check('a.pdf', 5 * MB + 1);
      expect(verdict).to.include({ ok: false, reason: 'too-large', limit: 5 * MB });
    });

    it('refuses a 30 MB file even when the host asks for more than Messenger allows', () => {
      const generous = createAttachmentPolicy({ maxBytes: 50 * MB });
      expect(reasonOf('big.pdf', 30 * MB, generous)).to.equal('too-large');
      expect(reasonOf('ok.pdf', 25 * MB, generous)).to.equal('ok');
    });

    it('refuses an empty file', () => {
      expect(reasonOf('empty.txt', 0)).to.equal('empty');
    });
  });

  describe('checkFile: extensions', () => {
    it('refuses extensions outside the allow list', () => {
      expect(check('archive.zip')).to.include({ ok: false, reason: 'extension-not-allowed', extension: 'zip' });
      expect(reasonOf('notes.odt')).to.equal('extension-not-allowed');
    });

    it('refuses a file without an extension', () => {
      expect(reasonOf('README')).to.equal('no-extension');
      expect(reasonOf('photo.')).to.equal('no-extension');
    });

    it('refuses blocked extensions even when they are allowed', () => {
      const p = createAttachmentPolicy({ block: ['pdf'] });
      expect(check('report.pdf', 1000, p)).to.include({ ok: false, reason: 'blocked-extension', extension: 'pdf' });
      expect(reasonOf('photo.png', 1000, p)).to.equal('ok');
    });

    it('refuses dangerous formats by default and with an allow-all policy', () => {
      expect(reasonOf('setup.exe')).to.equal('blocked-extension');
      expect(reasonOf('logo.svg')).to.equal('blocked-extension');
      const open = createAttachmentPolicy({ allow: [] });
      expect(reasonOf('setup.exe', 1000, open)).to.equal('blocked-extension');
      expect(reasonOf('page.html', 1000, open)).to.equal('blocked-extension');
      expect(reasonOf('data.csv', 1000, open)).to.equal('ok');
    });

    it('is case-insensitive', () => {
      expect(reasonOf('PHOTO.JPG')).to.equal('ok');
      expect(check('Photo.JpG')).to.deep.equal({ ok: true, name: 'Photo.JpG', extension: 'jpg' });
      expect(reasonOf('SETUP.EXE')).to.equal('blocked-extension');
      expect(reasonOf('setup.\uFF25\uFF38\uFF25')).to.equal('blocked-extension');
      expect(reasonOf('Invoice.PDF.Exe')).to.equal('double-extension');
      expect(reasonOf('report.pdf', 1000, createAttachmentPolicy({ block: ['PDF'] }))).to.equal('blocked-extension');
    });
  });

  describe('checkFile: disguised names', () => {
    it('refuses double extensions that hide an executable', () => {
      expect(check('invoice.pdf.exe')).to.include({ ok: false, reason: 'double-extension', extension: 'exe' });
      expect(reasonOf('photo.exe.jpg')).to.equal('double-extension');
      expect(reasonOf('holiday.jpg.scr')).to.equal('double-extension');
    });

    it('accepts ordinary names with several dots', () => {
      expect(reasonOf('report.v2.final.pdf')).to.equal('ok');
      expect(reasonOf('J.R.R. Tolkien.txt')).to.equal('ok');
      expect(reasonOf('scan.pdf.pdf')).to.equal('ok');
    });

    it('decodes percent-encoded names before checking', () => {
      expect(decodeFileName('invoice.pdf%2Eexe')).to.equal('invoice.pdf.exe');
      expect(reasonOf('invoice.pdf%2Eexe')).to.equal('double-extension');
      expect(reasonOf('invoice.pdf%2eexe')).to.equal('double-extension');
      // Encoded twice: %25 is "%".
      expect(reasonOf('invoice.pdf%252Eexe')).to.equal('double-extension');
      expect(reasonOf('setup%2Eexe')).to.equal('blocked-extension');
    });

    it('folds look-alike dots (NFKC) before checking', () => {
      expect(reasonOf('invoice.pdf\uFF0Eexe')).to.equal('double-extension');
    });

    it('keeps a name with a stray percent sign', () => {
      expect(reasonOf('100% done.pdf')).to.equal('ok');
      expect(reasonOf('broken%E0%A4%A.pdf')).to.equal('ok');
    });

    it('refuses names with a null byte, raw or encoded', () => {
      expect(reasonOf('photo.jpg\u0000.exe')).to.equal('null-byte');
      expect(reasonOf('photo.jpg%00.exe')).to.equal('null-byte');
      expect(reasonOf('\u0000')).to.equal('null-byte');
    });

    it('refuses names with other control characters or only dots', () => {
      expect(reasonOf('line\nbreak.pdf')).to.equal('invalid-name');
      expect(reasonOf('bell\u0007.pdf')).to.equal('invalid-name');
      expect(reasonOf('..')).to.equal('invalid-name');
      expect(reasonOf('')).to.equal('invalid-name');
    });

    it('ignores trailing dots and spaces, as Windows does', () => {
      expect(decodeFileName('setup.exe. . ')).to.equal('setup.exe');
      expect(reasonOf('setup.exe.')).to.equal('blocked-extension');
      expect(reasonOf('setup.exe   ')).to.equal('blocked-extension');
      expect(reasonOf('invoice.pdf.exe...')).to.equal('double-extension');
      expect(reasonOf('photo.jpg. ')).to.equal('ok');
    });

    it('ignores spaces around an inner extension', () => {
      expect(reasonOf('invoice.pdf .exe')).to.equal('double-extension');
      expect(reasonOf('photo. exe .jpg')).to.equal('double-extension');
    });

    it('checks only the last path segment and reports it as the name', () => {
      expect(check('C:\\Users\\me\\photo.png')).to.deep.equal({ ok: true, name: 'photo.png', extension: 'png' });
      expect(reasonOf('../../etc/evil.exe')).to.equal('blocked-extension');
    });

    it('puts the size before the name rules and reports the first failing rule', () => {
      expect(reasonOf('setup.exe', 0)).to.equal('empty');
      expect(reasonOf('setup.exe', 6 * MB)).to.equal('too-large');
      expect(reasonOf('photo.jpg\u0000.exe', 0)).to.equal('null-byte');
    });
  });

  describe('safeDownloadName', () => {
    it('keeps a harmless name', () => {
      expect(safeDownloadName('photo.jpg')).to.equal('photo.jpg');
      expect(safeDownloadName('zamówienie 12.pdf')).to.equal('zamówienie 12.pdf');
      expect(safeDownloadName('PHOTO.JPG')).to.equal('PHOTO.jpg');
    });

    it('cannot traverse paths', () => {
      for (const raw of ['../../etc/passwd', '..\\..\\windows\\system32\\hosts', '%2e%2e%2f%2e%2e%2fetc%2fpasswd', '/etc/passwd']) {
        const name = safeDownloadName(raw);
        expect(name, raw).not.to.match(/[\\/]/);
        expect(name.startsWith('.'), raw).to.equal(false);
      }
      expect(safeDownloadName('../../etc/passwd')).to.equal('passwd.bin');
      expect(safeDownloadName('..')).to.equal('attachment.bin');
    });

    it('drops bidirectional override characters that disguise the extension', () => {
      // Displayed as "invoiceexe.pdf" where the override is honoured; really an .exe.
      const raw = 'invoice\u202Efdp.exe';
      const name = safeDownloadName(raw);
      expect(name).not.to.match(/[\u202a-\u202e\u2066-\u2069]/u);
      expect(name).to.equal('invoicefdp.bin');
      expect(safeDownloadName('photo\u2067gpj.png')).to.equal('photogpj.png');
    });

    it('replaces a dangerous or hidden extension with the fallback', () => {
      expect(safeDownloadName('setup.exe')).to.equal('setup.bin');
      expect(safeDownloadName('invoice.pdf.exe')).to.equal('invoice_pdf.bin');
      expect(safeDownloadName('logo.svg', 'dat')).to.equal('logo.dat');
      expect(safeDownloadName('invoice.pdf%2Eexe')).to.equal('invoice_pdf.bin');
      expect(safeDownloadName('README')).to.equal('README.bin');
    });

    it('removes control characters and characters Windows forbids', () => {
      const name = safeDownloadName('a\u0000b<c>:d"e|f?g*.txt');
      expect(name).to.equal('abcdefg.txt');
      expect(safeDownloadName('<script>alert(1)</script>.png')).not.to.match(/[<>/]/);
    });

    it('gives an empty or all-junk name a generic one and bounds the length', () => {
      expect(safeDownloadName('')).to.equal('attachment.bin');
      expect(safeDownloadName('...')).to.equal('attachment.bin');
      expect(safeDownloadName(`${'a'.repeat(500)}.pdf`)).to.equal(`${'a'.repeat(80)}.pdf`);
      expect(safeDownloadName(`x.${'p'.repeat(50)}`)).to.equal(`x.${'p'.repeat(8)}`);
    });

    it('keeps a numeric name as sent (images may arrive so)', () => {
      expect(safeDownloadName('1234567890123456.jpg')).to.equal('1234567890123456.jpg');
    });
  });
});

describe('attachment policy: ordinary names with dots', () => {
  it('accepts domain-like inner parts and refuses alternate data streams', () => {
    const policy = createAttachmentPolicy();
    expect(checkFile(policy, { name: 'receipt.example.com.pdf', size: 10 }).ok).to.equal(true);
    expect(checkFile(policy, { name: 'my.app.pdf', size: 10 }).ok).to.equal(true);
    const open = createAttachmentPolicy({ allow: [] });
    expect(checkFile(open, { name: 'evil.exe::$DATA', size: 10 })).to.include({ ok: false, reason: 'invalid-name' });
    expect(checkFile(policy, { name: 'invoice.pdf.exe', size: 10 })).to.include({ ok: false, reason: 'double-extension' });
  });
});

describe('attachment policy: built-in deny list (F20)', () => {
  /** Programs, installers, scripts, shortcuts, help, disk images, active documents and macro-enabled Office files. */
  const ACTIVE_TYPES = [
    'exe', 'com', 'scr', 'pif', 'cpl', 'dll', 'ocx', 'sys', 'msi', 'msp', 'mst', 'msix', 'msixbundle', 'appx',
    'appxbundle', 'appinstaller', 'application', 'appref-ms', 'xbap', 'gadget', 'msc', 'bat', 'cmd', 'ps1', 'psm1',
    'psd1', 'ps1xml', 'js', 'jse', 'mjs', 'vbs', 'vbe', 'wsf', 'wsh', 'wsc', 'sct', 'hta', 'jar', 'jnlp', 'reg',
    'inf', 'scf', 'lnk', 'url', 'website', 'settingcontent-ms', 'library-ms', 'searchconnector-ms', 'diagcab', 'chm',
    'hlp', 'html', 'htm', 'xhtml', 'shtml', 'mht', 'mhtml', 'svg', 'svgz', 'xht', 'docm',
    'dotm', 'xlsm', 'xltm', 'xlam', 'xla', 'xll', 'pptm', 'potm', 'ppam', 'ppsm', 'sldm', 'iqy', 'slk', 'iso', 'img',
    'vhd', 'vhdx', 'dmg', 'sh', 'bash', 'command', 'app', 'pkg', 'deb', 'rpm', 'apk', 'desktop', 'scpt', 'py', 'pyw',
    'php', 'crx', 'xpi',
  ];

  it('refuses every executable or active type with an allow-all policy (allow: [])', () => {
    const open = createAttachmentPolicy({ allow: [] });
    for (const ext of ACTIVE_TYPES) {
      expect(checkFile(open, { name: `file.${ext}`, size: 10 }), ext).to.include({ ok: false, reason: 'blocked-extension', extension: ext });
      expect(checkFile(open, { name: `FILE.${ext.toUpperCase()}`, size: 10 }), `${ext} in capitals`).to.include({ reason: 'blocked-extension' });
    }
    expect(checkFile(open, { name: 'data.csv', size: 10 }).ok).to.equal(true);
  });

  it('cannot be lifted: a host that lists an active type in allow still gets it refused', () => {
    const careless = createAttachmentPolicy({ allow: ['pdf', 'exe', '.JS', 'svg', 'html', 'lnk', 'iso', 'xlsm'] });
    for (const ext of ['exe', 'js', 'svg', 'html', 'lnk', 'iso', 'xlsm']) {
      expect(checkFile(careless, { name: `file.${ext}`, size: 10 }), ext).to.include({ ok: false, reason: 'blocked-extension' });
    }
    expect(checkFile(careless, { name: 'file.pdf', size: 10 }).ok).to.equal(true);
    const emptied = createAttachmentPolicy({ block: [] });
    expect(checkFile(emptied, { name: 'setup.exe', size: 10 })).to.include({ reason: 'blocked-extension' });
  });

  it('still accepts ordinary names whose inner parts read like one of those types', () => {
    for (const name of ['Thesis.MSc.pdf', 'Kowalski.application.pdf', 'scan.img.png', 'car.reg.pdf', 'notes.url.txt', 'setup.inf.docx']) {
      expect(checkFile(policy, { name, size: 10 }).ok, name).to.equal(true);
    }
    expect(checkFile(policy, { name: 'invoice.pdf.lnk', size: 10 })).to.include({ reason: 'double-extension' });
    expect(checkFile(policy, { name: 'photo.hta.jpg', size: 10 })).to.include({ reason: 'double-extension' });
  });

  it('gives a download of any of them a harmless extension', () => {
    for (const ext of ['lnk', 'url', 'chm', 'mhtml', 'svgz', 'xll', 'msix']) {
      expect(safeDownloadName(`file.${ext}`), ext).to.equal('file.bin');
    }
  });
});
